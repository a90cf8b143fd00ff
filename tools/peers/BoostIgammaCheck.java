import dev.irg.math.IncompleteGamma;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Throwaway independent check (not a test; the project never reads the peer data at test time):
 * P(a, x) and Q(a, x) of IncompleteGamma against Boost.Math's high-precision igamma tables.
 *
 * <pre>
 *   source scripts/jdk.sh &amp;&amp; mvn -B -q -o -pl java-api compile &amp;&amp; \
 *   java -cp java-api/target/classes tools/peers/BoostIgammaCheck.java /path/to/boost-math
 * </pre>
 *
 * Relative error of P where P &ge; 1e-300 and of Q where Q &ge; 1e-300, per file; the reference is
 * parsed exactly (BigDecimal) and the error computed in 40-digit decimal arithmetic.
 */
public class BoostIgammaCheck {
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        MathContext mc = new MathContext(40);
        double worstAll = 0;
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("igamma_.*\\.csv")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                double wp = 0, wq = 0;
                String wpAt = "", wqAt = "";
                int n = 0;
                for (String line : lines.subList(1, lines.size())) {
                    String[] c = line.split(",");
                    double a = Double.parseDouble(c[0]);
                    double x = Double.parseDouble(c[1]);
                    BigDecimal p = new BigDecimal(c[2]);
                    BigDecimal q = new BigDecimal(c[3]);
                    n++;
                    if (p.doubleValue() >= 1e-300) {
                        double e = new BigDecimal(IncompleteGamma.p(a, x)).subtract(p).divide(p, mc).abs().doubleValue();
                        if (!(e <= wp)) {
                            wp = Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
                            wpAt = "a=" + a + " x=" + x;
                        }
                    }
                    if (q.doubleValue() >= 1e-300) {
                        double e = new BigDecimal(IncompleteGamma.q(a, x)).subtract(q).divide(q, mc).abs().doubleValue();
                        if (!(e <= wq)) {
                            wq = Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
                            wqAt = "a=" + a + " x=" + x;
                        }
                    }
                }
                System.out.printf("%-18s n=%4d  P max rel %.2e (%s)  Q max rel %.2e (%s)%n", f.getFileName(), n, wp, wpAt, wq, wqAt);
                worstAll = Math.max(worstAll, wp);
            }
        }
        System.out.printf("worst P relative error over all files: %.2e%n", worstAll);
    }
}
