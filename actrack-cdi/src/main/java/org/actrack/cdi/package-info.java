/**
 * The CDI integration of actrack: the portable extension that finds {@code @Connected} entities, the
 * {@code @Actionable} interceptor, the request-scoped queue flushed through JTA and the {@code @Verb}
 * handler lookup. Built on the CDI-free engine of {@code org.actrack.engine}.
 *
 * <p>Internal: the extension registers everything; applications use the API of {@code org.actrack} and
 * {@code org.actrack.spi} and never the types of this package, which may change in any release.
 */
package org.actrack.cdi;
