package io.microcent.deploy.bench;

import java.util.ArrayList;
import java.util.List;

/** The bench's figures as a markdown table, {@code | figure | measured |}, in the order they were added. */
final class FigureTable {

    private final List<String[]> rows = new ArrayList<>();

    FigureTable row(String figure, String measured) {
        rows.add(new String[] {figure, measured});
        return this;
    }

    String markdown() {
        StringBuilder table = new StringBuilder("| figure | measured |\n| --- | --- |\n");
        for (String[] row : rows) {
            table.append("| ").append(escape(row[0])).append(" | ").append(escape(row[1])).append(" |\n");
        }
        return table.toString();
    }

    private static String escape(String cell) {
        return cell.replace("|", "\\|");
    }
}
