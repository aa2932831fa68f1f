package dev.mamori.report.diagram;

import java.util.Locale;

/**
 * Contrast between two colours as WCAG 2 defines it: the ratio of the lighter colour's relative
 * luminance to the darker's, each plus 0.05, from 1 (none) to 21 (black on white). Text meets level AA
 * at 4.5 or more; the report's palette is held to that for every label it draws.
 */
public final class Contrast {

    /** WCAG 2 level AA for text of ordinary size. */
    public static final double AA = 4.5;

    private Contrast() {}

    /** The contrast ratio of two colours written {@code #rgb} or {@code #rrggbb}. */
    public static double ratio(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** WCAG 2 relative luminance: each sRGB channel linearised, weighted by the eye's sensitivity. */
    public static double luminance(String colour) {
        int[] rgb = rgb(colour);
        return 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** The channels (0–255) of {@code #rgb} or {@code #rrggbb}. */
    public static int[] rgb(String colour) {
        String hex = colour.trim().toLowerCase(Locale.ROOT);
        if (!hex.matches("#([0-9a-f]{3}|[0-9a-f]{6})")) {
            throw new IllegalArgumentException("not a colour #rgb or #rrggbb: " + colour);
        }
        if (hex.length() == 4) {
            hex = "#" + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2) + hex.charAt(3) + hex.charAt(3);
        }
        int v = Integer.parseInt(hex.substring(1), 16);
        return new int[] {v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff};
    }

    /** {@code over} painted with this opacity on {@code under}: what the eye sees, as #rrggbb. */
    public static String blend(String over, double opacity, String under) {
        int[] o = rgb(over);
        int[] u = rgb(under);
        StringBuilder out = new StringBuilder("#");
        for (int i = 0; i < 3; i++) {
            out.append(String.format(Locale.ROOT, "%02x", Math.round(o[i] * opacity + u[i] * (1 - opacity))));
        }
        return out.toString();
    }
}
