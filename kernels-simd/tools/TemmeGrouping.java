package dev.irg.simd;

import static dev.irg.math.GammaConstants.TEMME_K;
import static dev.irg.math.GammaConstants.TEMME_K_A_MIN;
import static dev.irg.math.GammaConstants.TEMME_K_COUNT;
import static dev.irg.math.GammaConstants.TEMME_LAMBDA_HI;
import static dev.irg.math.GammaConstants.TEMME_LAMBDA_LO;
import static dev.irg.math.GammaConstants.TEMME_A_MIN;
import static dev.irg.math.GammaConstants.TEMME_N_ETA_MAX;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The work of GammaKernels.temmeSums under two groupings of the Temme elements, replayed on a CSV of alpha,x rows
 * (rate 1; e.g. the report's inputs, {@code irg bench --dist gamma --precision f64 --write-inputs FILE}): per block of
 * 4096 rows, the Temme elements grouped by code (by |eta| band, TEMME_N_ETA_MAX, as before the thirteenth session; by
 * alpha class, TEMME_K_A_MIN, since), each code's run padded to whole vectors of 8 and summed two vectors at a time
 * with the row counts TEMME_ROW_N of the pair's smallest alpha and largest |eta|. Prints the row terms per pair
 * (each a Horner step of four chains). In dev.irg.simd to read TEMME_ROW_N. Run from the repository root after a build:
 *   javac -cp java-api/target/classes:kernels-simd/target/classes -d /tmp/tg kernels-simd/tools/TemmeGrouping.java
 *   java --add-modules jdk.incubator.vector -cp /tmp/tg:java-api/target/classes:kernels-simd/target/classes dev.irg.simd.TemmeGrouping FILE
 */
public class TemmeGrouping {
    static final int BLOCK = 4096;
    static final int LANES = 8;

    static int aClass(double a) {
        for (int i = TEMME_K_A_MIN.length - 1; i >= 0; i--) {
            if (a >= TEMME_K_A_MIN[i]) {
                return i + 1;
            }
        }
        return 0;
    }

    static int etaClass(double absEta) {
        for (int i = 0; i < TEMME_N_ETA_MAX.length; i++) {
            if (absEta <= TEMME_N_ETA_MAX[i]) {
                return i;
            }
        }
        return TEMME_N_ETA_MAX.length;
    }

    /** Row terms of one pair of vectors (lanes: {alpha, |eta|}). */
    static int rowTerms(List<double[]> lanes) {
        double aMin = Double.POSITIVE_INFINITY;
        double etaMax = 0;
        for (double[] l : lanes) {
            aMin = Math.min(aMin, l[0]);
            etaMax = Math.max(etaMax, l[1]);
        }
        int ac = aClass(aMin);
        int k = ac == 0 ? TEMME_K : TEMME_K_COUNT[ac - 1];
        int rows = (ac * (TEMME_N_ETA_MAX.length + 1) + etaClass(etaMax)) * TEMME_K;
        int t = 0;
        for (int row = 0; row < k; row++) {
            t += GammaKernels.TEMME_ROW_N[rows + row];
        }
        return t;
    }

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        for (boolean byAlpha : new boolean[] {false, true}) {
            long terms = 0;
            long pairs = 0;
            long elements = 0;
            for (int b = 1; b < lines.size(); b += BLOCK) {
                Map<Integer, List<double[]>> runs = new TreeMap<>();
                for (int i = b; i < Math.min(b + BLOCK, lines.size()); i++) {
                    String[] p = lines.get(i).split(",");
                    double a = Double.parseDouble(p[0]);
                    double lam = Double.parseDouble(p[1]) / a;
                    if (!(a >= TEMME_A_MIN && lam >= TEMME_LAMBDA_LO && lam <= TEMME_LAMBDA_HI)) {
                        continue;
                    }
                    double eta = Math.sqrt(2 * (lam - 1 - Math.log(lam)));
                    int code = byAlpha ? aClass(a) : etaClass(eta);
                    runs.computeIfAbsent(code, c -> new ArrayList<>()).add(new double[] {a, eta});
                    elements++;
                }
                for (List<double[]> run : runs.values()) {
                    int padded = (run.size() + LANES - 1) / LANES * LANES;
                    for (int i = 0; i < padded; i += 2 * LANES) {
                        List<double[]> pair = new ArrayList<>();
                        for (int j = i; j < Math.min(i + 2 * LANES, padded); j++) {
                            pair.add(run.get(Math.min(j, run.size() - 1)));
                        }
                        terms += rowTerms(pair);
                        pairs++;
                    }
                }
            }
            System.out.printf("grouped by %-10s %d Temme elements, %d pairs of vectors, %.1f row terms per pair%n",
                    byAlpha ? "alpha" : "|eta|", elements, pairs, terms / (double) pairs);
        }
    }
}
