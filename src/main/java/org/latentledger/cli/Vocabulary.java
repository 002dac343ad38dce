package org.latentledger.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.latentledger.data.BundledData;
import org.latentledger.economy.EnergyModel;
import org.latentledger.economy.PolicyKind;
import org.latentledger.economy.SparsityPolicy;
import org.latentledger.model.SampleModel;
import org.latentledger.projection.Engine;
import org.latentledger.projection.Method;
import org.latentledger.view.ColourMode;
import org.latentledger.view.ConvView;
import org.latentledger.view.ExportTarget;
import org.latentledger.view.Page;
import org.latentledger.view.QuerySource;
import org.latentledger.view.Sweep;
import org.latentledger.view.Theme;
import org.latentledger.work.Named;
import picocli.CommandLine;

/**
 * The app's words on the command line. Every option that takes one is typed; the words are
 * parsed by each type's own {@code parse}, through one converter per type registered where the
 * command line is built, so an unknown word is a usage error (status 2) that lists the valid
 * ones. The one option that takes only some of a type's words, {@code frontier --policy}, names
 * {@link SweepableKind}, which parses with the same {@code parse} and then refuses the rest.
 * The nested {@link Names} give help texts ({@code ${COMPLETION-CANDIDATES}}) and shell
 * completion the same names, read from the types, never written out by hand.
 */
final class Vocabulary {

    /** Where the weights are read from, as {@code --memory} names it. */
    static final List<EnergyModel> MEMORIES = List.of(EnergyModel.SRAM, EnergyModel.DRAM);

    private Vocabulary() {
    }

    static CommandLine register(CommandLine cli) {
        word(cli, Method.class, Method::parse);
        word(cli, Engine.class, Engine::parse);
        word(cli, Page.class, Page::parse);
        word(cli, Theme.class, Theme::parse);
        word(cli, ColourMode.class, ColourMode::parse);
        word(cli, ConvView.class, ConvView::parse);
        word(cli, QuerySource.class, QuerySource::parse);
        word(cli, Sweep.class, Sweep::parse);
        word(cli, org.latentledger.view.FrameArea.class, org.latentledger.view.FrameArea::parse);
        word(cli, ExportTarget.class, ExportTarget::parse);
        word(cli, PolicyKind.class, PolicyKind::parse);
        word(cli, SparsityPolicy.class, SparsityPolicy::parse);
        word(cli, SampleModel.class, SampleModel::byName);
        word(cli, EnergyModel.class, Vocabulary::memory);
        return cli;
    }

    private static <T> void word(CommandLine cli, Class<T> type, Function<String, T> parse) {
        cli.registerConverter(type, text -> {
            try {
                return parse.apply(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        });
    }

    static EnergyModel memory(String name) {
        String wanted = name.strip();
        return MEMORIES.stream().filter(e -> e.memory().equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no memory called '" + wanted + "'; the memories are "
                        + String.join(", ", new Memories())));
    }

    /** Names for help and completion. */
    abstract static class Names extends ArrayList<String> {
        Names(Stream<String> names) {
            names.forEach(this::add);
        }

        static <E extends Enum<E> & Named> Stream<String> of(Class<E> type) {
            return Arrays.stream(type.getEnumConstants()).map(Named::cliName);
        }
    }

    static final class Methods extends Names {
        Methods() {
            super(of(Method.class));
        }
    }

    static final class Engines extends Names {
        Engines() {
            super(of(Engine.class));
        }
    }

    static final class Pages extends Names {
        Pages() {
            super(of(Page.class));
        }
    }

    static final class Themes extends Names {
        Themes() {
            super(of(Theme.class));
        }
    }

    static final class Sweeps extends Names {
        Sweeps() {
            super(of(Sweep.class));
        }
    }

    static final class FrameAreas extends Names {
        FrameAreas() {
            super(of(org.latentledger.view.FrameArea.class));
        }
    }

    static final class Targets extends Names {
        Targets() {
            super(of(ExportTarget.class));
        }
    }

    /** The policy kinds a frontier can sweep: those with a parameter. */
    static final class SweepableKinds extends Names {
        SweepableKinds() {
            super(Arrays.stream(PolicyKind.values()).filter(PolicyKind::sweepable).map(PolicyKind::cliName));
        }
    }

    /** {@code frontier --policy}: a policy kind, refused at once when it has no parameter to sweep (dense, natural). */
    static final class SweepableKind implements CommandLine.ITypeConverter<PolicyKind> {
        @Override
        public PolicyKind convert(String text) {
            String valid = "; the policy kinds a frontier sweeps are " + String.join(", ", new SweepableKinds());
            PolicyKind kind;
            try {
                kind = PolicyKind.parse(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("no policy kind called '" + text.strip() + "'" + valid);
            }
            if (!kind.sweepable()) {
                throw new CommandLine.TypeConversionException(kind.cliName() + " has no parameter to sweep" + valid);
            }
            return kind;
        }
    }

    static final class Memories extends Names {
        Memories() {
            super(MEMORIES.stream().map(e -> e.memory().toLowerCase(Locale.ROOT)));
        }
    }

    static final class Samples extends Names {
        Samples() {
            super(Arrays.stream(SampleModel.values()).map(SampleModel::fileName));
        }
    }

    static final class DataSets extends Names {
        DataSets() {
            super(Arrays.stream(BundledData.values()).map(BundledData::displayName));
        }
    }
}
