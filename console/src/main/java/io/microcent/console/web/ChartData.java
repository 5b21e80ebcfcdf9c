package io.microcent.console.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.microcent.model.json.Json;

import java.util.List;

/**
 * A chart's data for {@code charts.js}, as JSON in a {@code data-chart} attribute (no inline script).
 * Money series travel in microcents and are drawn in dollars by the script; the exact figures stay in the
 * data, so a test can read what a chart shows.
 */
public final class ChartData {

    private final ObjectNode root = Json.mapper().createObjectNode();
    private final ArrayNode series;

    private ChartData(String kind, List<String> labels) {
        root.put("kind", kind);
        ArrayNode labelArray = root.putArray("labels");
        labels.forEach(labelArray::add);
        series = root.putArray("series");
    }

    /** A line or area chart over {@code labels} (e.g. days). */
    public static ChartData line(List<String> labels) {
        return new ChartData("line", labels);
    }

    /** Bars over {@code labels}; {@code stacked} stacks the series. */
    public static ChartData bars(List<String> labels, boolean stacked) {
        ChartData data = new ChartData("bar", labels);
        data.root.put("stacked", stacked);
        return data;
    }

    /** Horizontal bars, one per label, ranked as given. */
    public static ChartData ranked(List<String> labels) {
        ChartData data = new ChartData("bar", labels);
        data.root.put("horizontal", true);
        return data;
    }

    /** Stacked areas over time. */
    public static ChartData stackedArea(List<String> labels) {
        ChartData data = new ChartData("line", labels);
        data.root.put("stacked", true);
        data.root.put("fill", true);
        return data;
    }

    public ChartData moneySeries(String name, List<Long> microcents) {
        return series(name, "money", microcents);
    }

    public ChartData countSeries(String name, List<Long> counts) {
        return series(name, "count", counts);
    }

    private ChartData series(String name, String unit, List<Long> values) {
        ObjectNode one = series.addObject();
        one.put("name", name);
        one.put("unit", unit);
        ArrayNode data = one.putArray("values");
        values.forEach(data::add);
        return this;
    }

    public String toJson() {
        return root.toString();
    }
}
