package dev.mamori.report.html;

import dev.mamori.engine.missions.MissionAnalysis;
import dev.mamori.engine.missions.MissionAnalysis.Point;
import dev.mamori.engine.missions.MissionAnalysis.Step;
import dev.mamori.model.Words;
import dev.mamori.report.diagram.Palette;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The two charts of the missions section, drawn as inline SVG with no library: the robustness curve
 * (a line chart) and a scenario's restoration schedule (a Gantt chart). Both carry their numbers as
 * text too ({@code <title>} on each mark), so a reader without sight of the picture, and a PDF text
 * extractor, still get them.
 */
final class Charts {

    /** A Gantt chart draws at most this many steps; the table under it lists every one. */
    static final int MAX_GANTT_STEPS = 60;

    private static final int LEFT = 56;
    private static final int TOP = 16;
    private static final int PLOT_W = 440;
    private static final int PLOT_H = 200;

    private Charts() {}

    /** Share of missions running (mean and worst sample) against the share of components failed at random. */
    static String robustness(MissionAnalysis.Robustness r) {
        List<Point> points = r.points();
        double maxX = points.stream().mapToDouble(Point::failedFraction).max().orElse(0.5);
        if (maxX <= 0) {
            maxX = 0.5;
        }
        int width = LEFT + PLOT_W + 150;
        int height = TOP + PLOT_H + 46;
        StringBuilder out = new StringBuilder();
        openSvg(out, "robustness", width, height, "Missions still running as components fail at random");
        for (int pct = 0; pct <= 100; pct += 25) {
            double y = y(pct / 100.0);
            out.append(line(LEFT, y, LEFT + PLOT_W, y, Palette.CHART_GRID, ""));
            out.append(text(LEFT - 6, y + 4, "end", pct + "%"));
        }
        int tickStep = maxX > 0.3 ? 10 : 5;
        for (int pct = 0; pct <= Math.round(maxX * 100); pct += tickStep) {
            double x = LEFT + PLOT_W * (pct / 100.0) / maxX;
            out.append(line(x, TOP + PLOT_H, x, TOP + PLOT_H + 4, Palette.CHART_AXIS, ""));
            out.append(text(x, TOP + PLOT_H + 16, "middle", pct + "%"));
        }
        out.append(line(LEFT, TOP, LEFT, TOP + PLOT_H, Palette.CHART_AXIS, ""));
        out.append(line(LEFT, TOP + PLOT_H, LEFT + PLOT_W, TOP + PLOT_H, Palette.CHART_AXIS, ""));
        out.append(text(LEFT + PLOT_W / 2.0, TOP + PLOT_H + 34, "middle", "components failed at random"));
        out.append("<text x=\"14\" y=\"" + (TOP + PLOT_H / 2)
                + "\" font-size=\"11\" text-anchor=\"middle\" transform=\"rotate(-90 14 " + (TOP + PLOT_H / 2)
                + ")\">missions running</text>");
        series(out, points, maxX, true, Palette.CHART_MEAN, "");
        series(out, points, maxX, false, Palette.CHART_WORST, " stroke-dasharray=\"5 3\"");
        int lx = LEFT + PLOT_W + 14;
        out.append(line(lx, TOP + 10, lx + 24, TOP + 10, Palette.CHART_MEAN, " stroke-width=\"2\""));
        out.append(text(lx + 30, TOP + 14, "start", "on average"));
        out.append(line(
                lx, TOP + 30, lx + 24, TOP + 30, Palette.CHART_WORST, " stroke-width=\"2\" stroke-dasharray=\"5 3\""));
        out.append(text(lx + 30, TOP + 34, "start", "worst sample"));
        out.append("</svg>");
        return out.toString();
    }

    private static void series(
            StringBuilder out, List<Point> points, double maxX, boolean mean, String colour, String dash) {
        StringBuilder path = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        for (Point p : points) {
            double x = LEFT + PLOT_W * p.failedFraction() / maxX;
            double value = mean ? p.missionsUp() : p.worstMissionsUp();
            double y = y(value);
            path.append(path.length() == 0 ? "" : " ")
                    .append(num(x))
                    .append(',')
                    .append(num(y));
            marks.append("<circle cx=\"")
                    .append(num(x))
                    .append("\" cy=\"")
                    .append(num(y))
                    .append("\" r=\"3\" fill=\"")
                    .append(colour)
                    .append("\"><title>")
                    .append(String.format(
                            Locale.ROOT,
                            "%.0f%% failed: %.1f%% of missions running (%s)",
                            p.failedFraction() * 100,
                            value * 100,
                            mean ? "on average" : "worst sample"))
                    .append("</title></circle>");
        }
        out.append("<polyline fill=\"none\" stroke=\"")
                .append(colour)
                .append("\" stroke-width=\"2\"")
                .append(dash)
                .append(" points=\"")
                .append(path)
                .append("\"/>")
                .append(marks);
    }

    private static double y(double share) {
        return TOP + PLOT_H * (1 - share);
    }

    /**
     * A scenario's restoration as bars from start to done on one time axis, with the recovery
     * objectives of the missions it hits as vertical lines. A step whose times are not known is
     * drawn as a hatched bar to the end of the axis, marked "?".
     *
     * @param id unique on the page: names the chart's hatch pattern
     * @param objectives the lines to draw: label and time
     */
    static String restoration(String id, List<Step> steps, List<Objective> objectives) {
        List<Step> shown = steps.subList(0, Math.min(MAX_GANTT_STEPS, steps.size()));
        long end = 1;
        for (Step s : shown) {
            end = Math.max(end, seconds(s.done().or(s::start)));
        }
        for (Objective o : objectives) {
            end = Math.max(end, o.at().getSeconds());
        }
        end = niceEnd(end);
        int label = 230;
        int plot = 460;
        int row = 20;
        int top = TOP + 24; // room for the objectives' labels
        int height = top + row * shown.size() + 24;
        int width = label + plot + 20;
        StringBuilder out = new StringBuilder();
        openSvg(out, "gantt", width, height, "Restoration schedule");
        out.append("<defs><pattern id=\"unknown-" + id + "\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\""
                + " patternTransform=\"rotate(45)\"><rect width=\"3\" height=\"6\" fill=\"" + Palette.BAR_UNKNOWN
                + "\"/></pattern></defs>");
        int axisY = top + row * shown.size();
        for (int i = 0; i <= 4; i++) {
            long t = end * i / 4;
            double x = label + plot * (double) t / end;
            out.append(line(x, top - 4, x, axisY, Palette.CHART_GRID, ""));
            out.append(text(x, axisY + 14, "middle", Words.of(Duration.ofSeconds(t))));
        }
        for (int i = 0; i < shown.size(); i++) {
            Step s = shown.get(i);
            double y = top + i * row;
            out.append(text(label - 6, y + 14, "end", s.component()));
            String tip = s.component() + " (" + s.cause() + "): " + s.how() + ", by " + s.by() + "; " + span(s.start())
                    + " → " + span(s.done());
            if (s.start().isEmpty()) {
                out.append(text(label + 4, y + 14, "start", "start unknown: waits for what never comes back"));
                continue;
            }
            double x0 = label + plot * (double) s.start().get().getSeconds() / end;
            boolean known = s.done().isPresent();
            double x1 = known ? label + plot * (double) s.done().get().getSeconds() / end : label + plot;
            out.append("<rect x=\"")
                    .append(num(x0))
                    .append("\" y=\"")
                    .append(num(y + 3))
                    .append("\" width=\"")
                    .append(num(Math.max(2, x1 - x0)))
                    .append("\" height=\"")
                    .append(row - 6)
                    .append("\" rx=\"2\" fill=\"")
                    .append(
                            known
                                    ? (s.cause().equals("compromised") ? Palette.BAR_COMPROMISED : Palette.BAR_FAILED)
                                    : "url(#unknown-" + id + ")")
                    .append("\"><title>")
                    .append(HtmlReport.text(tip))
                    .append("</title></rect>");
            if (!known) {
                out.append(text(x1 - 4, y + 14, "end", "?"));
            }
        }
        List<String> colours = Palette.OBJECTIVES;
        for (int i = 0; i < objectives.size() && i < colours.size(); i++) {
            Objective o = objectives.get(i);
            double x = label + plot * (double) o.at().getSeconds() / end;
            out.append(line(
                    x, 6 + 11 * (i % 2), x, axisY, colours.get(i), " stroke-width=\"1.5\" stroke-dasharray=\"4 3\""));
            out.append(text(x + 3, 14 + 11 * (i % 2), "start", o.label())
                    .replace("<text ", "<text fill=\"" + colours.get(i) + "\" "));
        }
        out.append(line(label, axisY, label + plot, axisY, Palette.CHART_AXIS, ""));
        out.append("</svg>");
        return out.toString();
    }

    /** A vertical line on the Gantt chart: an RTO or a maximum downtime. */
    record Objective(String label, Duration at) {}

    /** The objectives of the missions a scenario hits, at most four, nearest first. */
    static List<Objective> objectives(MissionAnalysis.ScenarioResult s) {
        List<Objective> out = new ArrayList<>();
        for (MissionAnalysis.MissionOutcome o : s.missions()) {
            if (o.status() == MissionAnalysis.Status.UP) {
                continue;
            }
            o.rto().ifPresent(d -> out.add(new Objective("RTO " + o.mission(), d)));
            o.maxDowntime().ifPresent(d -> out.add(new Objective("max downtime " + o.mission(), d)));
        }
        out.sort(java.util.Comparator.comparing(Objective::at));
        return out.subList(0, Math.min(4, out.size()));
    }

    private static long seconds(Optional<Duration> d) {
        return d.map(Duration::getSeconds).orElse(0L);
    }

    /** The axis end, rounded up to a time that divides into four readable ticks. */
    private static long niceEnd(long seconds) {
        long[] steps = {60, 300, 900, 1800, 3600, 7200, 4 * 3600, 6 * 3600, 12 * 3600, 86_400, 2 * 86_400, 7 * 86_400};
        for (long step : steps) {
            if (seconds <= step * 4) {
                return ((seconds + step - 1) / step) * step;
            }
        }
        long week = 7 * 86_400;
        return ((seconds + week - 1) / week) * week;
    }

    static String span(Optional<Duration> d) {
        return d.map(Words::of).orElse("?");
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, String extra) {
        return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2)
                + "\" stroke=\"" + colour + "\"" + extra + "/>";
    }

    private static String text(double x, double y, String anchor, String words) {
        return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" font-size=\"11\" text-anchor=\"" + anchor + "\">"
                + HtmlReport.text(words) + "</text>";
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** The opening of a chart: its kind as a class, its size, and its title for screen readers. */
    private static void openSvg(StringBuilder out, String kind, int width, int height, String title) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"mamori-chart ")
                .append(kind)
                .append("\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                // the family named on the chart, not left to the renderer: Batik, which draws the PDF's
                // charts, would take the machine's default font
                .append("\" font-family=\"Liberation Sans, Arial, Helvetica, sans-serif\" role=\"img\"><title>")
                .append(title)
                .append("</title>");
    }
}
