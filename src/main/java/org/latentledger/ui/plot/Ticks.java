package org.latentledger.ui.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** "Nice" axis ticks (1, 2 or 5 times a power of ten), after Heckbert's Graphics Gems algorithm. */
final class Ticks {

    private Ticks() {
    }

    static List<Double> of(double min, double max, int target) {
        List<Double> ticks = new ArrayList<>();
        if (!(max > min) || target < 1) {
            return ticks;
        }
        double step = nice((max - min) / target);
        for (double t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        return ticks;
    }

    private static double nice(double raw) {
        double exp = Math.floor(Math.log10(raw));
        double f = raw / Math.pow(10, exp);
        double nf = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
        return nf * Math.pow(10, exp);
    }

    static String label(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e4 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.1e", v);
        }
        String s = String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
