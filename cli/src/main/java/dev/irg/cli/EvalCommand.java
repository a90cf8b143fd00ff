package dev.irg.cli;

import dev.irg.Distribution;
import dev.irg.Irg;
import dev.irg.Op;
import dev.irg.Precision;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code irg eval}: CSV in, the requested quantities out, one row per input row, in order. */
@Command(name = "eval", description = {
        "Evaluates CDFs, their parameter derivatives or the implicit gradients at the rows of a CSV file.",
        "Input columns (by name, others ignored): gamma alpha,x[,rate]; beta a,b,x; vonmises kappa,x[,loc].",
        "Output columns: gamma cdf,dcdf_dalpha,grad_alpha[,grad_rate]; beta cdf,dcdf_da,dcdf_db,grad_a,grad_b; "
                + "vonmises cdf,dcdf_dkappa,grad_kappa (--quantity picks cdf, the dcdf_* or the grad_* columns, or all).",
        "Rows outside the domain give NaN (counted on stderr, exit 0); malformed input exits with 2."},
        mixinStandardHelpOptions = true)
final class EvalCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Mixin
    BatchOptions batch;

    @Option(names = "--quantity", defaultValue = "all", description = "cdf, dcdf, grad or all (default: ${DEFAULT-VALUE})")
    Quantity quantity;

    @Option(names = "--in", description = "input CSV (default: stdin)")
    Path in;

    @Option(names = "--out", description = "output CSV (default: stdout)")
    Path out;

    @Override
    public Integer call() throws IOException {
        Irg irg = batch.irg(null);
        Distribution dist = batch.dist;
        Precision precision = batch.precision;
        Csv.Table table = Common.readTable(in, main.in);
        Inputs inputs = table.inputs(dist, precision);
        List<Op> ops = quantity.ops(dist, inputs.hasP1());
        double[][] cols = new Evaluation(irg, inputs).computeAll(ops);
        List<String> header = ops.stream().map(Op::column).toList();
        if (out == null || out.toString().equals("-")) {
            Writer w = new BufferedWriter(new OutputStreamWriter(main.out, StandardCharsets.UTF_8), 1 << 16);
            Csv.write(w, header, cols, precision);
            w.flush();
        } else {
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                Csv.write(w, header, cols, precision);
            }
        }
        int nanRows = 0;
        for (int r = 0; r < inputs.n(); r++) {
            for (double[] c : cols) {
                if (Double.isNaN(c[r])) {
                    nanRows++;
                    break;
                }
            }
        }
        if (nanRows > 0) {
            main.err.println("irg: " + nanRows + " of " + inputs.n() + " rows gave NaN (inputs outside the domain of "
                    + dist.id() + ", or in a range it does not cover yet: docs/" + dist.id() + ".md)");
        }
        return 0;
    }
}
