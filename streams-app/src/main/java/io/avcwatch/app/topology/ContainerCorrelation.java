package io.avcwatch.app.topology;

import io.avcwatch.schemas.AvcDenial;
import io.avcwatch.schemas.ContainerInstance;
import io.avcwatch.schemas.ContainerLabel;
import io.avcwatch.schemas.ContainerRef;
import io.avcwatch.schemas.SelinuxContext;
import java.util.List;

/**
 * Attributes a denial's subject and object to the containers that held their MCS labels when the denial
 * happened. Pure functions: the topology feeds them the {@link ContainerLabel} version a versioned table
 * returned for the denial's event time, and they still check each holder's started/finished interval,
 * because one version lists every container that shared the label.
 *
 * <p>One holder becomes {@code container}; several (a pod, an explicit {@code label=level:}) become
 * {@code candidates} with {@code container} left null, since the audit record cannot tell them apart; none,
 * or a context without categories, leaves both empty: an unknown label is never guessed.
 */
final class ContainerCorrelation {

    private ContainerCorrelation() {
    }

    /** The {@code avc.containers} key of the denial's subject ({@code host|c170,c393}). */
    static String sourceKey(final AvcDenial denial) {
        return labelKey(denial.host(), denial.scontext());
    }

    /** The {@code avc.containers} key of the denial's object. */
    static String targetKey(final AvcDenial denial) {
        return labelKey(denial.host(), denial.tcontext());
    }

    /**
     * The denial with {@code container}/{@code candidates} set from the label version (null: none known), and
     * the single holder's full facts in {@code container_details} for the mount- and image-aware rules.
     */
    static AvcDenial withSource(final AvcDenial denial, final ContainerLabel label) {
        final List<ContainerInstance> holders = holders(denial, denial.scontext(), label);
        final ContainerInstance only = holders.size() == 1 ? holders.get(0) : null;
        if (holders.isEmpty() && denial.container() == null && denial.containerDetails() == null
                && denial.candidates().isEmpty()) {
            return denial; // nothing to set: a waiting denial is tried again on every record, so skip the copy
        }
        return denial.toBuilder()
                .container(only == null ? null : only.ref())
                .containerDetails(only)
                .candidates(holders.size() > 1 ? refs(holders) : List.of())
                .build();
    }

    /** The denial with {@code target_container}/{@code target_candidates} set from the label version. */
    static AvcDenial withTarget(final AvcDenial denial, final ContainerLabel label) {
        final List<ContainerRef> holders = refs(holders(denial, denial.tcontext(), label));
        if (holders.isEmpty() && denial.targetContainer() == null && denial.targetCandidates().isEmpty()) {
            return denial;
        }
        return denial.toBuilder()
                .targetContainer(holders.size() == 1 ? holders.get(0) : null)
                .targetCandidates(holders.size() > 1 ? holders : List.of())
                .build();
    }

    /**
     * True when {@code label} (the version as of the denial's time, null: none) attributes {@code context} to at
     * least one container, or when {@code context} names no categories and so needs no container: either way
     * waiting for more inventory cannot change the answer.
     */
    static boolean settled(final AvcDenial denial, final SelinuxContext context, final ContainerLabel label) {
        return !hasCategories(context) || !holders(denial, context, label).isEmpty();
    }

    private static List<ContainerRef> refs(final List<ContainerInstance> holders) {
        return holders.stream().map(ContainerInstance::ref).toList();
    }

    private static List<ContainerInstance> holders(
            final AvcDenial denial, final SelinuxContext context, final ContainerLabel label) {
        if (label == null || !hasCategories(context)
                || !label.categories().equals(context.categories()) || !label.host().equals(denial.host())) {
            return List.of();
        }
        return label.holdersAt(denial.event().time());
    }

    static boolean hasCategories(final SelinuxContext context) {
        return context != null && context.categories() != null && !context.categories().isEmpty();
    }

    private static String labelKey(final String host, final SelinuxContext context) {
        final String categories = hasCategories(context) ? context.categories() : "";
        return ContainerLabel.key(host, categories);
    }
}
