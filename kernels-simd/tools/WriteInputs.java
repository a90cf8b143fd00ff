import dev.irg.Distribution;
import java.io.PrintWriter;
import java.lang.reflect.Method;

/**
 * Writes the JMH inputs (dev.irg.jmh.Inputs.draw, OpBench's seed) of a distribution as a CSV with
 * columns p0,p1,x named for the distribution (Gamma: alpha,rate,x), for peers measured on the same rows
 * (bench/peers/torch_cputime.py). Values are printed as float32 when asked (the rows a float32 call sees).
 *
 *   java -cp jmh/target/benchmarks.jar kernels-simd/tools/WriteInputs.java GAMMA 100000 /tmp/gamma_inputs.csv [f32]
 */
public class WriteInputs {
    public static void main(String[] args) throws Exception {
        Distribution d = Distribution.valueOf(args[0]);
        int n = Integer.parseInt(args[1]);
        boolean f32 = args.length > 3 && args[3].equalsIgnoreCase("f32");
        Method draw = Class.forName("dev.irg.jmh.Inputs").getDeclaredMethod("draw", Distribution.class, int.class, long.class);
        double[][] t = (double[][]) draw.invoke(null, d, n, 20261128L);
        String header = switch (d) {
            case GAMMA -> "alpha,rate,x";
            case BETA -> "a,b,x";
            case VONMISES -> "kappa,loc,x";
        };
        try (PrintWriter w = new PrintWriter(args[2])) {
            w.println(header);
            for (int i = 0; i < n; i++) {
                w.println(f32 ? (float) t[0][i] + "," + (float) t[1][i] + "," + (float) t[2][i]
                        : t[0][i] + "," + t[1][i] + "," + t[2][i]);
            }
        }
    }
}
