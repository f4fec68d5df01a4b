package io.avcwatch.parsers.json;

import io.avcwatch.parsers.selinux.SecurityContext;

/**
 * A parsed context with its canonical level and category text, computed once per distinct
 * context string.
 *
 * @param context    the parsed context
 * @param level      canonical MLS range, or null without MLS
 * @param categories canonical categories of the effective level, or null without MLS
 */
record ContextText(SecurityContext context, String level, String categories) {

    static ContextText of(SecurityContext context) {
        return context.range() == null ? new ContextText(context, null, null)
                : new ContextText(context, context.range().toString(), context.categories().toString());
    }
}
