package io.pilotlight.testsupport;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A PNG line chart of named series, for the benchmarks' and the soak's figures (time against object
 * count, lag percentiles per minute...). Headless: no display is needed.
 */
public final class LineChart {

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final Map<String, List<double[]>> series = new LinkedHashMap<>();
    private boolean logX;

    public LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Adds a point to the series of that name, made on first use; series are drawn in that order. */
    public LineChart point(String seriesName, double x, double y) {
        series.computeIfAbsent(seriesName, k -> new ArrayList<>()).add(new double[] {x, y});
        return this;
    }

    /** A logarithmic x axis, for sizes growing by ten. */
    public LineChart logX() {
        this.logX = true;
        return this;
    }

    /** Writes the chart to {@code file} (its directory made when missing) and returns the file. */
    public Path writePng(Path file, int width, int height) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach((name, points) -> {
            XYSeries s = new XYSeries(name, false, true);
            points.forEach(p -> s.add(p[0], p[1]));
            data.addSeries(s);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        // Points drawn too: a series of one measurement is otherwise invisible.
        ((XYLineAndShapeRenderer) plot.getRenderer()).setDefaultShapesVisible(true);
        if (logX) {
            plot.setDomainAxis(new LogarithmicAxis(xLabel));
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height);
        return file;
    }
}
