package io.avcwatch.schemas;

/**
 * One PATH record of an event: an object the syscall touched.
 *
 * @param item     index of the PATH record within the event
 * @param name     path as given to the syscall (may be relative to {@code cwd})
 * @param inode    inode number
 * @param dev      device as {@code MAJOR:MINOR} hex ({@code fd:00})
 * @param mode     file mode, octal as printed ({@code 0100644})
 * @param ouid     owner uid
 * @param ogid     owner gid
 * @param obj      the object's SELinux context, raw
 * @param nametype {@code NORMAL}, {@code PARENT}, {@code CREATE}, {@code DELETE}, ...
 */
public record AuditPath(Integer item, String name, Long inode, String dev, String mode, Long ouid, Long ogid,
                        String obj, String nametype) {
}
