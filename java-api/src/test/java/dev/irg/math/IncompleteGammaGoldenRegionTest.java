package dev.irg.math;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.irg.Distribution;
import dev.irg.Op;
import dev.irg.golden.GoldenTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * All committed Gamma golden tables pooled and split by IncompleteGamma's region: max, p99 and
 * median relative error of P, dP/da and dx/da per region (the table in docs/gamma.md is this
 * test's output), with the limits asserted per region.
 */
class IncompleteGammaGoldenRegionTest {

    static final String[] NAMES = {"edge", "series", "continued fraction", "Temme"};

    @Test
    void perRegionAccuracy() {
        Op[] ops = {Op.GAMMA_CDF, Op.GAMMA_DCDF_DALPHA, Op.GAMMA_GRAD_ALPHA};
        Map<Integer, List<List<Double>>> errs = new TreeMap<>();
        for (GoldenTable t : GoldenTable.all(Distribution.GAMMA)) {
            double[] a = t.param0();
            double[] x = t.x();
            double[] rate = t.hasParam1() ? t.param1() : null;
            for (int k = 0; k < ops.length; k++) {
                if (!t.hasReference(ops[k])) {
                    continue;
                }
                double[] ref = t.reference(ops[k]);
                for (int i = 0; i < t.size(); i++) {
                    double r = rate == null ? 1 : rate[i];
                    double xs = x[i] * r;
                    if (!(Math.abs(ref[i]) >= 1e-300)) { // also NaN: no reference (GoldenChecks skips those too)
                        continue;
                    }
                    // through Reference.gamma, which applies the rate (and takes a product rate x that
                    // falls below MIN_NORMAL through its log: the edge region here)
                    double got = Reference.gamma(a[i], r, x[i], switch (k) {
                        case 0 -> IncompleteGamma.WHAT_P;
                        case 1 -> IncompleteGamma.WHAT_DPDA;
                        default -> IncompleteGamma.WHAT_GRAD;
                    });
                    double e = got == ref[i] ? 0 : Math.abs(got - ref[i]) / Math.abs(ref[i]);
                    List<List<Double>> lists = errs.computeIfAbsent(IncompleteGamma.classify(a[i], xs),
                            key -> List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
                    lists.get(k).add(Double.isNaN(e) ? Double.POSITIVE_INFINITY : e);
                }
            }
        }
        StringBuilder md = new StringBuilder("| region | quantity | n | max | p99 | median |\n|---|---|---|---|---|---|\n");
        String[] q = {"P", "dP/dα", "dx/dα"};
        double[] limitMax = {1e-12, 1e-10, 1e-10};
        List<String> failures = new ArrayList<>();
        for (var e : errs.entrySet()) {
            for (int k = 0; k < 3; k++) {
                double[] v = e.getValue().get(k).stream().mapToDouble(Double::doubleValue).sorted().toArray();
                if (v.length == 0) {
                    continue;
                }
                double max = v[v.length - 1];
                double p99 = v[(int) Math.floor(0.99 * (v.length - 1))];
                double med = v[v.length / 2];
                md.append(String.format("| %s | %s | %d | %.2e | %.2e | %.2e |%n", NAMES[e.getKey()], q[k], v.length, max, p99, med));
                if (!(max <= limitMax[k]) || !(med <= 1e-14)) {
                    failures.add(NAMES[e.getKey()] + " " + q[k]);
                }
            }
        }
        System.out.print(md);
        assertTrue(failures.isEmpty(), "over the limits: " + failures + "\n" + md);
        assertTrue(errs.keySet().containsAll(List.of(GammaConstants.REGION_SERIES, GammaConstants.REGION_CONTINUED_FRACTION,
                GammaConstants.REGION_TEMME)), "every region met by the golden tables: " + Arrays.toString(errs.keySet().toArray()));
    }
}
