import dev.irg.sampling.SamplerMath;

/**
 * Prints 20000 lines "u log(u) y exp(y) w log1p(w) c cos2pi(c) v sinHalfPi(v) cosHalfPi(v) y2 x2 atan2Positive(y2, x2)
 * t hypot1(t)" (hexadecimal doubles) of SamplerMath on random arguments (u a 53-bit uniform, y in [-745, 709], w in
 * (-1, 4), c a Box-Muller angle uniform, v a von Mises proposal uniform, y2, x2 in [0, 1), t in [e^-20, e^60]), for
 * tools/audit/sampler_math.py, which measures them in ulps against mpmath:
 *   source scripts/jdk.sh
 *   java -cp java-api/target/classes tools/audit/SamplerMathDump.java > /tmp/sm.txt
 *   python3 tools/audit/sampler_math.py /tmp/sm.txt
 */
public class SamplerMathDump {
  public static void main(String[] a) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(11);
    for (int i = 0; i < 20000; i++) {
      double u = ((r.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
      double y = r.nextDouble(-745, 709);
      double w = r.nextDouble(-0.999, 4);
      double c = ((r.nextLong() >>> 32) + 0.5) * 0x1.0p-32;
      double v = ((r.nextLong() >>> 12) + 0.5) * 0x1.0p-52;
      double py = r.nextDouble(), px = r.nextDouble();
      double t = Math.exp(r.nextDouble(-20, 60));
      System.out.println(Double.toHexString(u) + " " + Double.toHexString(SamplerMath.log(u)) + " " + Double.toHexString(y) + " " + Double.toHexString(SamplerMath.exp(y))
        + " " + Double.toHexString(w) + " " + Double.toHexString(SamplerMath.log1p(w)) + " " + Double.toHexString(c) + " " + Double.toHexString(SamplerMath.cos2pi(c))
        + " " + Double.toHexString(v) + " " + Double.toHexString(SamplerMath.sinHalfPi(v)) + " " + Double.toHexString(SamplerMath.cosHalfPi(v))
        + " " + Double.toHexString(py) + " " + Double.toHexString(px) + " " + Double.toHexString(SamplerMath.atan2Positive(py, px))
        + " " + Double.toHexString(t) + " " + Double.toHexString(SamplerMath.hypot1(t)));
    }
  }
}
