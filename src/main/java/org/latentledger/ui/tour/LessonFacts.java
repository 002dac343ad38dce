package org.latentledger.ui.tour;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.latentledger.atlas.Journey;
import org.latentledger.economy.Ledger;

/**
 * What a lesson's text may say, read from the window when a step's actions are done, so that no
 * word or number in a lesson is written by hand: {@code {{tokens}}} (the lemmas the model read),
 * {@code {{unknown}}}, {@code {{layer}}} (the journey layer shown), {@code {{region}}} (the query's
 * region there, with its certainty), {@code {{decoded}}} (the shown layer's state in words),
 * {@code {{answer}}} (the journey's answer and its probability), {@code {{macs}}} (the ledger's
 * share of the dense MACs), {@code {{verdict}}} ("the same answer" or "a different answer"),
 * {@code {{knee}}} (the frontier's knee as a share of the dense MACs) and {@code {{original}}}
 * (for an economical model: the model it was made from and that model's knee).
 */
final class LessonFacts {

    private static final Pattern KEY = Pattern.compile("\\{\\{([a-z]+)}}");

    private LessonFacts() {
    }

    /** The text with every key replaced by its value now; an unknown key or a value not there yet throws. */
    static String render(String text, LessonWindow w) {
        Matcher m = KEY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), w)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The text before its facts are known: each key shown as "…". */
    static String pending(String text) {
        return KEY.matcher(text).replaceAll("…");
    }

    private static String value(String key, LessonWindow w) {
        var j = w.journeyModel();
        Journey journey = j.journeyProperty().get();
        int l = j.currentLayerProperty().get();
        return switch (key) {
            case "tokens" -> need(j.tokensProperty().get(), "no sentence was read").known().stream().collect(Collectors.joining(", "));
            case "unknown" -> {
                var u = need(j.tokensProperty().get(), "no sentence was read").unknown();
                yield u.isEmpty() ? "none" : String.join(", ", u);
            }
            case "layer" -> need(journey, "the journey has not run").stops().get(l).layer().name();
            case "region" -> {
                Journey.Stop s = need(journey, "the journey has not run").stops().get(l);
                yield String.format(Locale.ROOT, "%s (%.0f%% of its neighbours)", s.regionName(), 100 * s.certainty());
            }
            case "decoded" -> need(j.decodedProperty().get(), "nothing was decoded (a model that reads text?)").words().stream().limit(5)
                    .map(x -> x.word()).collect(Collectors.joining(", "));
            case "answer" -> {
                Journey jj = need(journey, "the journey has not run");
                var classes = j.data() == null ? java.util.List.<String>of() : j.data().classNames();
                int c = jj.prediction();
                yield c < 0 ? "a reconstruction" : String.format(Locale.ROOT, "%s (%.0f%%)", c < classes.size() ? classes.get(c) : "#" + c,
                        100 * jj.output()[c]);
            }
            case "macs" -> String.format(Locale.ROOT, "%.1f%%", 100 * need(w.ledgerModel().ledgerProperty().get(), "the ledger has not run")
                    .macFraction());
            case "verdict" -> {
                Ledger led = need(w.ledgerModel().ledgerProperty().get(), "the ledger has not run");
                yield led.fidelity().sameTop1() ? "the same answer" : "a different answer";
            }
            case "knee" -> String.format(Locale.ROOT, "%.1f%%", 100 * need(need(w.ledgerModel().frontierProperty().get(),
                    "the frontier has not been computed").knee(), "no setting keeps 99% of the answers").macFraction());
            case "original" -> {
                var other = need(w.ledgerModel().comparisonProperty().get(), "the model has no original beside it");
                yield String.format(Locale.ROOT, "%s, whose knee is at %.1f%%", w.ledgerModel().originalName(),
                        100 * need(other.knee(), "the original keeps 99% of the answers nowhere").macFraction());
            }
            default -> throw new IllegalArgumentException("a lesson text has no fact called {{" + key + "}}");
        };
    }

    private static <T> T need(T value, String why) {
        if (value == null) {
            throw new IllegalStateException(why);
        }
        return value;
    }
}
