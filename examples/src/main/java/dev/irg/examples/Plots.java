package dev.irg.examples;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The examples' PNG plots (XChart, headless, the library {@code irg report} uses). */
final class Plots {
    private Plots() {
    }

    /** One series of a line plot: x, y and whether to draw markers, or a step (histogram) line. */
    record Series(double[] x, double[] y, boolean markers, boolean step) {
        static Series line(double[] x, double[] y) {
            return new Series(x, y, false, false);
        }

        static Series points(double[] x, double[] y) {
            return new Series(x, y, true, false);
        }

        static Series histogram(double[] x, double[] y) {
            return new Series(x, y, false, true);
        }
    }

    /** A builder of one XY chart. */
    static final class Chart {
        /** Series that fit on one horizontal legend line of an 800 px chart. */
        static final int MAX_LEGEND_ROW = 4;
        /** Height of one vertical legend line (XChart's default legend font). */
        static final int LEGEND_LINE_PX = 22;
        private final String title;
        private final String xTitle;
        private final String yTitle;
        private final Map<String, Series> series = new LinkedHashMap<>();
        private boolean logX;
        private boolean logY;

        Chart(String title, String xTitle, String yTitle) {
            this.title = title;
            this.xTitle = xTitle;
            this.yTitle = yTitle;
        }

        Chart logX() {
            logX = true;
            return this;
        }

        Chart logY() {
            logY = true;
            return this;
        }

        Chart add(String name, Series s) {
            series.put(name, s);
            return this;
        }

        void save(Path file) throws IOException {
            // more than MAX_LEGEND_ROW series: one legend line each below the plot, the chart taller by as much
            boolean tall = series.size() > MAX_LEGEND_ROW;
            int height = 500 + (tall ? LEGEND_LINE_PX * series.size() : 0);
            XYChart c = new XYChartBuilder().width(800).height(height).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
            c.getStyler().setXAxisLogarithmic(logX).setYAxisLogarithmic(logY)
                    .setLegendPosition(Styler.LegendPosition.OutsideS)
                    .setLegendLayout(tall ? Styler.LegendLayout.Vertical : Styler.LegendLayout.Horizontal)
                    .setChartBackgroundColor(Color.WHITE);
            for (var e : series.entrySet()) {
                Series s = e.getValue();
                XYSeries xs = c.addSeries(e.getKey(), s.x(), s.y());
                xs.setMarker(s.markers() ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
                if (s.step()) {
                    xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
                }
            }
            java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
            BitmapEncoder.saveBitmap(c, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        }
    }
}
