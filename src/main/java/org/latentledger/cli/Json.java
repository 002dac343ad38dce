package org.latentledger.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --json}, and how every command writes JSON: pretty, nulls kept (a missing knee or
 * prediction is null, not absent), no HTML escapes.
 */
final class Json {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean on;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    static String of(Object value) {
        return GSON.toJson(value);
    }

    /** Prints a command's result on its output: {@code value} as JSON with --json, else {@code text}. */
    void print(Supplier<?> value, Supplier<String> text) {
        mixee.commandLine().getOut().println(on ? of(value.get()) : text.get());
    }
}
