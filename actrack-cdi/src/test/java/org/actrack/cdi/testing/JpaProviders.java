package org.actrack.cdi.testing;

/** What the provider of this run does differently, for the few tests whose expectation depends on it. */
public final class JpaProviders {

    private JpaProviders() {
    }

    /** Whether the run uses Hibernate ORM ({@code -Phibernate}) rather than EclipseLink. */
    public static boolean hibernate() {
        return "hibernate".equals(System.getProperty("actrack.test.provider"));
    }

    /**
     * Whether the provider calls {@code @PreRemove} listeners for entities removed by {@code orphanRemoval}, as
     * Jakarta Persistence 3.1 (section 3.2.4) says a removal does: Hibernate does, EclipseLink 4.0 does not.
     */
    public static boolean callsPreRemoveForOrphans() {
        return hibernate();
    }
}
