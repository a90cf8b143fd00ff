import dev.irg.Backend;
import dev.irg.BetaOps;
import dev.irg.Irg;
import java.io.*;
import java.util.*;

/**
 * Cheap wide search: float32 SIMD pair/single results against the float64 SCALAR reference at the same float32-rounded
 * inputs (the reference is ~1e-13 accurate there, see the mpmath comparison), per region; prints the worst rows (hex)
 * for an mpmath recheck. Usage: Stress seed nPerRegion out.csv
 */
public class Stress {
    static final String[] REG = {"tiny", "large_mean", "large_switch", "near_vecmax", "x_near0", "x_near1", "a_eq_b", "moderate", "mixed_tiny_x"};
    static double lu(Random r, double lo, double hi) { return Math.exp(Math.log(lo) + r.nextDouble() * (Math.log(hi) - Math.log(lo))); }

    public static void main(String[] args) throws Exception {
        long seed = Long.parseLong(args[0]);
        int per = Integer.parseInt(args[1]);
        Random r = new Random(seed);
        int n = per * REG.length;
        float[] a = new float[n], b = new float[n], x = new float[n];
        int[] reg = new int[n];
        for (int i = 0; i < n; i++) {
            int g = i / per; reg[i] = g;
            double A, B, X;
            switch (g) {
                case 0 -> { double t = lu(r, 1e-6, 1e-2), o = lu(r, 0.5, 1e5); boolean s = r.nextBoolean(); A = s ? t : o; B = s ? o : t;
                            int k = r.nextInt(3); X = k == 0 ? r.nextDouble() : k == 1 ? lu(r, 1e-30, 0.1) : 1 - lu(r, 1e-7, 0.1); }
                case 1, 2, 3 -> { double lo = g == 3 ? 1e6 : 1e2; A = lu(r, lo, g == 3 ? 9.9e6 : 1e7); B = lu(r, lo, g == 3 ? 9.9e6 : 1e7);
                            double m = g == 1 ? A / (A + B) : (A + 1) / (A + B + 2), sd = Math.sqrt(A * B / ((A + B) * (A + B) * (A + B + 1)));
                            X = m + (g == 1 ? (r.nextDouble() * 8 - 4) : (r.nextDouble() * 0.2 - 0.1)) * sd; }
                case 4 -> { A = lu(r, 1e-2, 1e3); B = lu(r, 1e-2, 1e3); X = lu(r, 1e-30, 1e-3); }
                case 5 -> { A = lu(r, 1e-2, 1e3); B = lu(r, 1e-2, 1e3); X = 1 - lu(r, 1e-7, 1e-3); }
                case 6 -> { A = lu(r, 1e-3, 1e6); B = A; double sd = Math.sqrt(1 / (4 * (2 * A + 1))); X = r.nextBoolean() ? r.nextDouble() : 0.5 + (r.nextDouble() * 6 - 3) * sd; }
                case 7 -> { A = 0.5 + 49.5 * r.nextDouble(); B = 0.5 + 49.5 * r.nextDouble(); X = r.nextDouble(); }
                default -> { A = lu(r, 1e-6, 50); B = lu(r, 1e-6, 50); X = r.nextDouble(); }
            }
            a[i] = (float) A; b[i] = (float) B; x[i] = (float) X;
            if (!(x[i] > 0 && x[i] < 1)) { x[i] = 0.5f; }
        }
        double[] da = new double[n], db = new double[n], dx = new double[n];
        for (int i = 0; i < n; i++) { da[i] = a[i]; db[i] = b[i]; dx[i] = x[i]; }
        BetaOps simd = Irg.using(Backend.SIMD).threads(1).beta();
        BetaOps scal = Irg.using(Backend.SCALAR).threads(1).beta();
        float[][] F = new float[8][n];
        double[][] R = new double[4][n];
        for (int rep = 0; rep < 3; rep++) { // first reps warm the JIT; the last one is kept
            simd.grad(a, b, x, F[0], F[1]); simd.dcdf(a, b, x, F[2], F[3]);
            simd.gradA(a, b, x, F[4]); simd.gradB(a, b, x, F[5]); simd.dcdfDa(a, b, x, F[6]); simd.dcdfDb(a, b, x, F[7]);
        }
        scal.grad(da, db, dx, R[0], R[1]); scal.dcdf(da, db, dx, R[2], R[3]);
        String[] q = {"gA", "gB", "dA", "dB"};
        int[] sign = {1, -1, -1, 1};
        double[][] worst = new double[REG.length][8];
        int[][] worstI = new int[REG.length][8];
        int[][] cnt = new int[REG.length][8];
        List<double[]> bad = new ArrayList<>();
        int nanInf = 0, wrongSign = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 8; k++) {
                double ref = R[k % 4][i], v = F[k][i];
                if (Float.isNaN(F[k][i]) || (Float.isInfinite(F[k][i]) && Math.abs(ref) <= Float.MAX_VALUE)) { nanInf++; System.out.println("NANINF " + k + " " + i); }
                if (v != 0 && Math.signum(v) != sign[k % 4]) { wrongSign++; System.out.println("SIGN " + k + " " + i); }
                if (!(Math.abs(ref) >= 0x1p-126 && Math.abs(ref) <= Float.MAX_VALUE)) continue;
                double rel = Math.abs(v - ref) / Math.abs(ref);
                cnt[reg[i]][k]++;
                if (rel > worst[reg[i]][k]) { worst[reg[i]][k] = rel; worstI[reg[i]][k] = i; }
                if (rel > 1e-7) bad.add(new double[] {i, k, rel});
            }
        }
        System.out.println("n=" + n + " NaN/Inf=" + nanInf + " wrongSign=" + wrongSign + " rows rel>1e-7: " + bad.size());
        try (PrintWriter out = new PrintWriter(new FileWriter(args[2]))) {
            out.println("region,path,q,count,max_rel_vs_scalar64,a,b,x");
            for (int g = 0; g < REG.length; g++) for (int k = 0; k < 8; k++) {
                int i = worstI[g][k];
                String line = String.format("%s,%s,%s,%d,%.3e,%s,%s,%s", REG[g], k < 4 ? "pair" : "single", q[k % 4], cnt[g][k], worst[g][k],
                        Double.toHexString(a[i]), Double.toHexString(b[i]), Double.toHexString(x[i]));
                out.println(line); System.out.println(line);
            }
            for (double[] t : bad) { int i = (int) t[0];
                out.printf("BAD,%s,%s,%d,%.3e,%s,%s,%s%n", REG[reg[i]], q[(int) t[1] % 4], (int) t[1], t[2], Double.toHexString(a[i]), Double.toHexString(b[i]), Double.toHexString(x[i])); }
        }
    }
}
