package io.avcwatch.app.output;

import io.avcwatch.schemas.Alert;
import java.io.IOException;

/**
 * Writes alerts in one output format. Two kinds: a {@link LineAlertWriter} streams one self-contained
 * line per alert (JSON lines, ECS, OCSF, CEF) and can write each alert as it arrives; an
 * {@link AlertTable} needs all alerts first, to sort them and size its columns.
 */
public sealed interface AlertWriter permits LineAlertWriter, AlertTable {

    /** Writes every alert; line formats keep the given order, the table sorts by time. */
    void writeAll(Iterable<Alert> alerts, Appendable out) throws IOException;
}
