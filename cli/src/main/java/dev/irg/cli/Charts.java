package dev.irg.cli;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's PNG plots (XChart, headless). */
final class Charts {
    /** Colour scale of the error maps, log10 of the relative error: from double rounding (1e-17) to 100%. */
    static final double LOG_ERROR_MIN = -17;
    static final double LOG_ERROR_MAX = 0;

    private Charts() {
    }

    /** Throughput (elements/s) against batch size, log-log, one line per series: name -> {sizes, rates}. */
    static void throughput(Path file, String title, Map<String, double[][]> series) throws IOException {
        XYChart c = new XYChartBuilder().width(800).height(520).title(title)
                .xAxisTitle("batch size (elements)").yAxisTitle("elements / s").build();
        c.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true)
                .setLegendPosition(Styler.LegendPosition.InsideNW).setChartBackgroundColor(Color.WHITE);
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (var e : series.entrySet()) {
            var s = c.addSeries(e.getKey(), e.getValue()[0], e.getValue()[1]);
            s.setMarker(SeriesMarkers.CIRCLE);
            for (double v : e.getValue()[1]) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (hi > 0) {
            // whole decades, so that the log axis has labels even when the data spans less than one
            c.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(lo))));
            c.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(hi * 1.0001))));
        }
        BitmapEncoder.saveBitmap(c, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /**
     * A map of log10(max relative error) per cell of a parameter plane; {@code value[ix][iy]} NaN for an
     * empty cell (left blank).
     */
    static void errorMap(Path file, String title, String xTitle, String yTitle, List<String> xLabels, List<String> yLabels,
            double[][] value) throws IOException {
        HeatMapChart c = new HeatMapChartBuilder().width(820).height(560).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        var st = c.getStyler();
        st.setMin(LOG_ERROR_MIN).setMax(LOG_ERROR_MAX).setShowValue(false);
        st.setPlotContentSize(1).setChartBackgroundColor(Color.WHITE).setLegendVisible(true);
        st.setRangeColors(new Color[] {new Color(0x1a9850), new Color(0x91cf60), new Color(0xd9ef8b), new Color(0xfee08b),
                    new Color(0xfc8d59), new Color(0xd73027)});
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < value.length; i++) {
            for (int j = 0; j < value[i].length; j++) {
                if (!Double.isNaN(value[i][j])) {
                    cells.add(new Number[] {i, j, Math.max(LOG_ERROR_MIN, Math.min(LOG_ERROR_MAX, value[i][j]))});
                }
            }
        }
        if (cells.isEmpty()) {
            cells.add(new Number[] {0, 0, LOG_ERROR_MIN});
        }
        c.addSeries("log10 rel. error (max per cell)", xLabels, yLabels, cells);
        BitmapEncoder.saveBitmap(c, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
