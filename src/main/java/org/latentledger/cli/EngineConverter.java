package org.latentledger.cli;

import org.latentledger.projection.Engine;
import picocli.CommandLine.ITypeConverter;

/** {@code --engine ours|smile}: parsed by {@link Engine#parse}, so an unknown name fails listing the valid ones. */
final class EngineConverter implements ITypeConverter<Engine> {

    @Override
    public Engine convert(String value) {
        return Engine.parse(value);
    }
}
