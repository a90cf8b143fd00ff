import dev.irg.math.IncompleteBeta;
import java.io.BufferedReader;
import java.io.InputStreamReader;

/**
 * Helper of tools/coefficients/beta_large_scan.py (not a test): reads "a b x" lines on stdin and prints,
 * per line, the continued fraction's step count (IncompleteBeta.fractionSteps; -1 not converged within
 * its cap, 0 not a fraction region), the cap IncompleteBeta.fractionCap(a, b), and the five outputs of
 * IncompleteBeta.evaluate (cdf, dI/da, dI/db, dz/da, dz/db) as round-trip doubles.
 * Run: java -cp java-api/target/classes tools/coefficients/BetaLargeScan.java &lt; points
 */
public class BetaLargeScan {
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        double[] out = new double[IncompleteBeta.OUT_LENGTH];
        StringBuilder sb = new StringBuilder();
        for (String line; (line = in.readLine()) != null; ) {
            String[] c = line.trim().split("\\s+");
            double a = Double.parseDouble(c[0]);
            double b = Double.parseDouble(c[1]);
            double x = Double.parseDouble(c[2]);
            IncompleteBeta.evaluate(a, b, x, out);
            sb.setLength(0);
            sb.append(IncompleteBeta.fractionSteps(a, b, x)).append(' ').append(IncompleteBeta.fractionCap(a, b));
            for (double v : out) {
                sb.append(' ').append(v);
            }
            System.out.println(sb);
        }
    }
}
