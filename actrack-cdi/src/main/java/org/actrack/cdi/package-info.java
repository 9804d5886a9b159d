/**
 * The CDI integration of actrack: the portable extension that finds {@code @Connected} entities, the
 * {@code @Actionable} interceptor, the request-scoped queue flushed through JTA and the {@code @Verb}
 * handler lookup. Built on the CDI-free engine of {@code org.actrack.engine}.
 */
package org.actrack.cdi;
