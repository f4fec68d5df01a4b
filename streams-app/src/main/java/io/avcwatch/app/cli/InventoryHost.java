package io.avcwatch.app.cli;

import io.avcwatch.schemas.ContainerLabel;
import io.avcwatch.tailer.HostName;

/** The host name inventory keys carry: {@code --host}, else this machine's name. */
final class InventoryHost {

    private InventoryHost() {
    }

    static String orLocal(final String option) {
        return checked(option == null || option.isBlank() ? HostName.local() : option);
    }

    /** A host name cannot hold the key separator, or keys would be ambiguous. */
    static String checked(final String host) {
        if (host.contains(ContainerLabel.KEY_SEPARATOR)) {
            throw new UserException("--host must not contain '" + ContainerLabel.KEY_SEPARATOR + "': " + host);
        }
        return host;
    }
}
