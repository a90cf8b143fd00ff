import dev.irg.Backend;
import dev.irg.BetaOps;
import dev.irg.Irg;
import java.io.*;
import java.nio.file.*;
import java.util.*;

/** Reads probe/inputs.csv, evaluates the Beta pair and single ops on SIMD (f32, f64) and SCALAR (f64, f32), prints hex. */
public class Probe {
    static float[] f(double[] d) { float[] r = new float[d.length]; for (int i = 0; i < d.length; i++) r[i] = (float) d[i]; return r; }

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        int n = lines.size() - 1;
        String[] id = new String[n];
        double[] a = new double[n], b = new double[n], x = new double[n];
        float[] a32 = new float[n], b32 = new float[n], x32 = new float[n];
        for (int i = 0; i < n; i++) {
            String[] p = lines.get(i + 1).split(",");
            id[i] = p[0];
            a[i] = Double.parseDouble(p[2]); b[i] = Double.parseDouble(p[3]); x[i] = Double.parseDouble(p[4]);
            a32[i] = (float) Double.parseDouble(p[5]); b32[i] = (float) Double.parseDouble(p[6]); x32[i] = (float) Double.parseDouble(p[7]);
            if (a32[i] != (float) a[i] || b32[i] != (float) b[i] || x32[i] != (float) x[i]) throw new IllegalStateException("rounding " + i);
        }
        BetaOps simd = Irg.using(Backend.SIMD).threads(1).beta();
        BetaOps scal = Irg.using(Backend.SCALAR).threads(1).beta();
        // warm-up: a large batch, each path several times
        Random r = new Random(4242);
        int w = 40000;
        double[] wa = new double[w], wb = new double[w], wx = new double[w], o1 = new double[w], o2 = new double[w];
        for (int i = 0; i < w; i++) {
            int k = i % 4;
            wa[i] = k == 0 ? Math.exp(r.nextDouble() * 8 - 4) : k == 1 ? Math.exp(r.nextDouble() * 9) : 0.5 + 50 * r.nextDouble();
            wb[i] = k == 0 ? Math.exp(r.nextDouble() * 8 - 4) : k == 1 ? Math.exp(r.nextDouble() * 9) : 0.5 + 50 * r.nextDouble();
            wx[i] = k == 3 ? Math.exp(-30 * r.nextDouble()) : r.nextDouble();
        }
        float[] fa = f(wa), fb = f(wb), fx = f(wx), p1 = new float[w], p2 = new float[w];
        long t0 = System.nanoTime();
        for (int rep = 0; rep < 6; rep++) {
            simd.grad(fa, fb, fx, p1, p2); simd.dcdf(fa, fb, fx, p1, p2);
            simd.gradA(fa, fb, fx, p1); simd.gradB(fa, fb, fx, p2); simd.dcdfDa(fa, fb, fx, p1); simd.dcdfDb(fa, fb, fx, p2);
            simd.grad(wa, wb, wx, o1, o2); simd.dcdf(wa, wb, wx, o1, o2);
            simd.gradA(wa, wb, wx, o1); simd.gradB(wa, wb, wx, o2); simd.dcdfDa(wa, wb, wx, o1); simd.dcdfDb(wa, wb, wx, o2);
            if (rep < 2) { scal.grad(wa, wb, wx, o1, o2); scal.dcdf(wa, wb, wx, o1, o2); }
        }
        System.err.printf("warm-up %.1f s%n", (System.nanoTime() - t0) / 1e9);
        // evaluation: all rows as one batch, twice (the second run is reported; the first compared for determinism)
        String[] names = {"f32_pair_gA", "f32_pair_gB", "f32_pair_dA", "f32_pair_dB", "f32_single_gA", "f32_single_gB", "f32_single_dA", "f32_single_dB",
                "f64_pair_gA", "f64_pair_gB", "f64_pair_dA", "f64_pair_dB", "f64_single_gA", "f64_single_gB", "f64_single_dA", "f64_single_dB",
                "sc64_pair_gA", "sc64_pair_gB", "sc64_pair_dA", "sc64_pair_dB", "sc64_single_gA", "sc64_single_gB", "sc64_single_dA", "sc64_single_dB",
                "sc32_pair_gA", "sc32_pair_gB", "sc32_pair_dA", "sc32_pair_dB",
                "f32_pair1_gA", "f32_pair1_gB", "f32_bcast1_gA", "f32_bcast1_gB", "f64_pair1_gA", "f64_pair1_gB", "f32_pair1_dA", "f32_pair1_dB"};
        double[][] res = null;
        for (int rep = 0; rep < 2; rep++) {
            double[][] R = new double[names.length][n];
            float[][] F = new float[names.length][n];
            simd.grad(a32, b32, x32, F[0], F[1]); simd.dcdf(a32, b32, x32, F[2], F[3]);
            simd.gradA(a32, b32, x32, F[4]); simd.gradB(a32, b32, x32, F[5]); simd.dcdfDa(a32, b32, x32, F[6]); simd.dcdfDb(a32, b32, x32, F[7]);
            simd.grad(a, b, x, R[8], R[9]); simd.dcdf(a, b, x, R[10], R[11]);
            simd.gradA(a, b, x, R[12]); simd.gradB(a, b, x, R[13]); simd.dcdfDa(a, b, x, R[14]); simd.dcdfDb(a, b, x, R[15]);
            scal.grad(a, b, x, R[16], R[17]); scal.dcdf(a, b, x, R[18], R[19]);
            scal.gradA(a, b, x, R[20]); scal.gradB(a, b, x, R[21]); scal.dcdfDa(a, b, x, R[22]); scal.dcdfDb(a, b, x, R[23]);
            scal.grad(a32, b32, x32, F[24], F[25]); scal.dcdf(a32, b32, x32, F[26], F[27]);
            for (int i = 0; i < n; i++) { // one element per call
                float[] g1 = new float[1], g2 = new float[1];
                simd.grad(new float[] {a32[i]}, new float[] {b32[i]}, new float[] {x32[i]}, g1, g2); F[28][i] = g1[0]; F[29][i] = g2[0];
                simd.grad((double) a32[i], (double) b32[i], new float[] {x32[i]}, g1, g2); F[30][i] = g1[0]; F[31][i] = g2[0];
                double[] d1 = new double[1], d2 = new double[1];
                simd.grad(new double[] {a[i]}, new double[] {b[i]}, new double[] {x[i]}, d1, d2); R[32][i] = d1[0]; R[33][i] = d2[0];
                simd.dcdf(new float[] {a32[i]}, new float[] {b32[i]}, new float[] {x32[i]}, g1, g2); F[34][i] = g1[0]; F[35][i] = g2[0];
            }
            int[] fl = {0, 1, 2, 3, 4, 5, 6, 7, 24, 25, 26, 27, 28, 29, 30, 31, 34, 35};
            for (int k : fl) for (int i = 0; i < n; i++) R[k][i] = F[k][i];
            if (res != null) {
                int diff = 0;
                for (int k = 0; k < names.length; k++) for (int i = 0; i < n; i++)
                    if (Double.doubleToLongBits(res[k][i]) != Double.doubleToLongBits(R[k][i])) diff++;
                System.err.println("repeat differences: " + diff);
            }
            res = R;
        }
        try (PrintWriter out = new PrintWriter(new FileWriter(args[1]))) {
            out.println("id," + String.join(",", names));
            for (int i = 0; i < n; i++) {
                StringBuilder sb = new StringBuilder(id[i]);
                for (int k = 0; k < names.length; k++) sb.append(',').append(Double.toHexString(res[k][i]));
                out.println(sb);
            }
        }
    }
}
