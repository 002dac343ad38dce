package org.latentledger.economy;

import java.util.Locale;

/**
 * Which activations of each hidden layer survive, and so which connections of the next layer
 * fire (DESIGN.md, "The economy: exact definitions").
 */
public sealed interface SparsityPolicy {

    /** Short, parseable form: "dense", "natural", "topk:32", "topk:10%", "threshold:0.5", "routed:16:10%". */
    String spec();

    /** For people: "Top-k (10% of each layer)". */
    String describe();

    /** Every connection fires; zeros are still multiplied. The baseline. */
    record Dense() implements SparsityPolicy {
        @Override
        public String spec() {
            return "dense";
        }

        @Override
        public String describe() {
            return "Dense (every connection fires)";
        }
    }

    /** The network's own zeros (ReLU) are skipped; the answer is unchanged. */
    record NaturalZeros() implements SparsityPolicy {
        @Override
        public String spec() {
            return "natural";
        }

        @Override
        public String describe() {
            return "Natural zeros (the network's own zeros skipped)";
        }
    }

    /**
     * The k largest |a| of each hidden layer survive (k-winners-take-all).
     *
     * @param count    k as a number of units, or 0 to use {@code fraction}
     * @param fraction k as a share of each layer's units (used when count is 0)
     */
    record TopK(int count, double fraction) implements SparsityPolicy {
        public TopK {
            if (count < 0 || fraction < 0 || fraction > 1 || (count == 0 && fraction == 0)) {
                throw new IllegalArgumentException("top-k needs k > 0 units or a fraction in (0, 1]");
            }
        }

        int k(int units) {
            return Math.min(units, count > 0 ? count : Math.max(1, (int) Math.ceil(fraction * units)));
        }

        @Override
        public String spec() {
            return count > 0 ? "topk:" + count : "topk:" + pct(fraction);
        }

        @Override
        public String describe() {
            return count > 0 ? "Top-k (" + count + " units per layer)" : "Top-k (" + pct(fraction) + " of each layer)";
        }
    }

    /** Activations with |a| > t survive. */
    record Threshold(double t) implements SparsityPolicy {
        public Threshold {
            if (t < 0 || Double.isNaN(t)) {
                throw new IllegalArgumentException("the threshold must be >= 0");
            }
        }

        @Override
        public String spec() {
            return "threshold:" + num(t);
        }

        @Override
        public String describe() {
            return "Threshold (|a| > " + shown(t) + ")";
        }
    }

    /**
     * A rank-r factorisation of each hidden layer's W predicts its pre-activations; only the k
     * outputs predicted largest are computed exactly, the others are off.
     */
    record LatentRouted(int rank, int count, double fraction) implements SparsityPolicy {
        public LatentRouted {
            if (rank < 1 || count < 0 || fraction < 0 || fraction > 1 || (count == 0 && fraction == 0)) {
                throw new IllegalArgumentException("latent routing needs rank >= 1 and k > 0 (units or a fraction)");
            }
        }

        int k(int units) {
            return Math.min(units, count > 0 ? count : Math.max(1, (int) Math.ceil(fraction * units)));
        }

        @Override
        public String spec() {
            return "routed:" + rank + ":" + (count > 0 ? Integer.toString(count) : pct(fraction));
        }

        @Override
        public String describe() {
            return "Latent-routed (rank " + rank + ", " + (count > 0 ? count + " units" : pct(fraction)) + " per layer computed)";
        }
    }

    /**
     * Parses the command-line form.
     *
     * @throws IllegalArgumentException naming what was expected
     */
    static SparsityPolicy parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        String[] p = s.split(":");
        try {
            return switch (p[0]) {
                case "dense" -> new Dense();
                case "natural" -> new NaturalZeros();
                case "topk" -> p[1].endsWith("%") || p[1].contains(".") ? new TopK(0, fraction(p[1])) : new TopK(Integer.parseInt(p[1]), 0);
                case "threshold" -> new Threshold(Double.parseDouble(p[1]));
                case "routed" -> p[2].endsWith("%") || p[2].contains(".")
                        ? new LatentRouted(Integer.parseInt(p[1]), 0, fraction(p[2]))
                        : new LatentRouted(Integer.parseInt(p[1]), Integer.parseInt(p[2]), 0);
                default -> throw new IllegalArgumentException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("a policy is dense, natural, topk:K, threshold:T or routed:R:K "
                    + "(K a number of units or a share like 10%), not '" + text + "'");
        }
    }

    private static double fraction(String s) {
        return s.endsWith("%") ? Double.parseDouble(s.substring(0, s.length() - 1)) / 100 : Double.parseDouble(s);
    }

    private static String pct(double f) {
        return percent(f);
    }

    /**
     * A share as every view shows it: one decimal of a percent, without a trailing ".0" ("1.7%",
     * "10%"). The ledger's slider keeps shares on this grid (0.1%), so the number shown is the one used.
     */
    public static String percent(double f) {
        String v = String.format(Locale.ROOT, "%.1f", f * 100);
        return (v.endsWith(".0") ? v.substring(0, v.length() - 2) : v) + "%";
    }

    /** A threshold as views show it: three significant digits ("0.412", "12.3"). */
    public static String shown(double t) {
        return t == 0 ? "0" : new java.math.BigDecimal(t).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
