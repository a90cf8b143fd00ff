package dev.irg.cli;

import dev.irg.Backend;
import dev.irg.Precision;
import dev.irg.Sampling;
import dev.irg.Vec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code irg sample} (issue 6): samples, and with {@code --grad} their implicit reparameterization
 * gradients from the fused rsample, through {@link Sampling}; reproducible for a given seed.
 */
@Command(name = "sample", mixinStandardHelpOptions = true, description = {
        "Draws samples and, with --grad, their implicit reparameterization gradients (fused rsample).",
        "Philox4x32-10 counters: the same seed gives the same samples whatever the threads. Columns: gamma z[,grad_alpha,grad_rate]; beta z[,grad_a,grad_b];",
        "vonmises z[,grad_kappa]; dirichlet z1..zK[,grad1..gradK] (grad_i = dz_i/dalpha_i)."})
final class SampleCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--dist", required = true, description = "gamma, beta, vonmises or dirichlet")
    String dist;

    @Option(names = "--alpha", description = "gamma: shape; dirichlet: concentrations a1,a2,...")
    String alpha;

    @Option(names = "--rate", defaultValue = "1", description = "gamma rate (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--a", description = "beta a")
    Double a;

    @Option(names = "--b", description = "beta b")
    Double b;

    @Option(names = "--kappa", description = "von Mises concentration")
    Double kappa;

    @Option(names = "--loc", defaultValue = "0", description = "von Mises location (default: ${DEFAULT-VALUE})")
    double loc;

    @Option(names = "--n", required = true, description = "number of samples (rows for dirichlet)")
    int n;

    @Option(names = "--seed", required = true, description = "seed")
    long seed;

    @Option(names = "--precision", defaultValue = "f64", description = "f64 or f32 (default: ${DEFAULT-VALUE})")
    Precision precision;

    @Option(names = "--backend", defaultValue = "auto", description = "auto, scalar, simd or cuda (default: ${DEFAULT-VALUE})")
    Backend backend;

    @Option(names = "--grad", description = "also write the gradients (fused rsample)")
    boolean grad;

    @Option(names = "--out", description = "output CSV (default: stdout)")
    Path out;

    /** One output column: a buffer of the call's precision. */
    private final class Col {
        final String name;
        final double[] d;
        final float[] f;

        Col(String name, int len) {
            this.name = name;
            d = precision == Precision.F64 ? new double[len] : null;
            f = precision == Precision.F32 ? new float[len] : null;
        }

        Vec vec() {
            return d != null ? Vec.of(d) : Vec.of(f);
        }

        double get(int i) {
            return d != null ? d[i] : f[i];
        }
    }

    @Override
    public Integer call() throws IOException {
        if (n < 0) {
            throw CliException.usage("--n must be at least 0, got " + n);
        }
        Sampling s = Common.irg(backend, null).sampling();
        List<Col> cols = new ArrayList<>();
        int rows = n;
        switch (dist.trim().toLowerCase(Locale.ROOT)) {
            case "gamma" -> {
                double al = number("--alpha", alpha);
                Col z = add(cols, "z", n);
                if (grad) {
                    Col ga = add(cols, "grad_alpha", n);
                    Col gr = add(cols, "grad_rate", n);
                    s.gammaRsample(seed, Vec.scalar(al), Vec.scalar(rate), z.vec(), ga.vec(), gr.vec());
                } else {
                    s.gamma(seed, Vec.scalar(al), Vec.scalar(rate), z.vec());
                }
            }
            case "beta" -> {
                double av = required("--a", a);
                double bv = required("--b", b);
                Col z = add(cols, "z", n);
                if (grad) {
                    Col ga = add(cols, "grad_a", n);
                    Col gb = add(cols, "grad_b", n);
                    s.betaRsample(seed, Vec.scalar(av), Vec.scalar(bv), z.vec(), ga.vec(), gb.vec());
                } else {
                    s.beta(seed, Vec.scalar(av), Vec.scalar(bv), z.vec());
                }
            }
            case "vonmises" -> {
                double k = required("--kappa", kappa);
                Col z = add(cols, "z", n);
                if (grad) {
                    Col gk = add(cols, "grad_kappa", n);
                    s.vonMisesRsample(seed, Vec.scalar(k), Vec.scalar(loc), z.vec(), gk.vec());
                } else {
                    s.vonMises(seed, Vec.scalar(k), Vec.scalar(loc), z.vec());
                }
            }
            case "dirichlet" -> {
                double[] conc = concentrations(alpha);
                int k = conc.length;
                Col alphaCol = new Col("alpha", k);
                for (int j = 0; j < k; j++) {
                    if (alphaCol.d != null) {
                        alphaCol.d[j] = conc[j];
                    } else {
                        alphaCol.f[j] = (float) conc[j];
                    }
                }
                Col z = new Col("z", n * k);
                Col g = grad ? new Col("grad", n * k) : null;
                if (grad) {
                    s.dirichletRsample(seed, k, alphaCol.vec(), z.vec(), g.vec(), null);
                } else {
                    s.dirichlet(seed, k, alphaCol.vec(), z.vec());
                }
                // row-major buffers -> one column per component
                for (Col src : g == null ? List.of(z) : List.of(z, g)) {
                    for (int j = 0; j < k; j++) {
                        Col c = add(cols, (src == z ? "z" : "grad") + (j + 1), n);
                        for (int r = 0; r < n; r++) {
                            if (c.d != null) {
                                c.d[r] = src.d[r * k + j];
                            } else {
                                c.f[r] = src.f[r * k + j];
                            }
                        }
                    }
                }
            }
            default -> throw CliException.usage("unknown distribution '" + dist + "': expected gamma, beta, vonmises or dirichlet");
        }
        double[][] values = new double[cols.size()][rows];
        for (int c = 0; c < cols.size(); c++) {
            for (int r = 0; r < rows; r++) {
                values[c][r] = cols.get(c).get(r);
            }
        }
        List<String> header = cols.stream().map(c -> c.name).toList();
        if (out == null || out.toString().equals("-")) {
            Writer w = new BufferedWriter(new OutputStreamWriter(main.out, StandardCharsets.UTF_8), 1 << 16);
            Csv.write(w, header, values, precision);
            w.flush();
        } else {
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                Csv.write(w, header, values, precision);
            }
        }
        return 0;
    }

    private Col add(List<Col> cols, String name, int len) {
        Col c = new Col(name, len);
        cols.add(c);
        return c;
    }

    private double required(String option, Double v) {
        if (v == null) {
            throw CliException.usage("--dist " + dist + " needs " + option);
        }
        return v;
    }

    private double number(String option, String text) {
        if (text == null) {
            throw CliException.usage("--dist " + dist + " needs " + option);
        }
        try {
            return Csv.parse(text.trim(), Precision.F64);
        } catch (NumberFormatException e) {
            throw CliException.usage(option + " is not a number: '" + text + "'");
        }
    }

    private double[] concentrations(String text) {
        if (text == null) {
            throw CliException.usage("--dist dirichlet needs --alpha a1,a2,...");
        }
        try {
            double[] c = Arrays.stream(text.split(",")).mapToDouble(t -> Csv.parse(t.trim(), Precision.F64)).toArray();
            if (c.length < 2) {
                throw CliException.usage("--alpha needs at least two concentrations for dirichlet, got '" + text + "'");
            }
            return c;
        } catch (NumberFormatException e) {
            throw CliException.usage("--alpha is not a list of numbers: '" + text + "'");
        }
    }
}
