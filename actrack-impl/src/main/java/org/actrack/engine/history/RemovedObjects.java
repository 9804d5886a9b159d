/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.history;

import jakarta.persistence.EntityManager;
import java.util.function.Predicate;
import org.actrack.DeletedItem;
import org.actrack.ObjectRef;
import org.actrack.engine.EntityReferences;
import org.actrack.engine.Problem;
import org.actrack.engine.sql.ProviderHooks;

/**
 * What an action logged after its object was removed refers to (spec §0.1's "bad input", issue 20): an entity the
 * caller's persistence context removed, in the same transaction, is referred to by its deleted item ("alice deleted
 * the project" logged after {@code em.remove(project)}), made now if the removal did not make one; where its type
 * keeps no deleted items the call is refused with {@code NOT_STORED}, before anything is written. Entities the
 * context still manages cost nothing; the check is the provider seam's ({@link ProviderHooks#removedIn}).
 *
 * <p>Not detected: a detached object whose row a transaction that already committed deleted, and on Hibernate ORM an
 * entity whose removal was already flushed (the session forgets it). Telling those would cost a query per detached
 * object and call; such an action reads back with the object's reference and without the entity.
 */
public final class RemovedObjects {

    private final ProviderHooks provider;
    private final Deletions deletions;
    private final Predicate<Class<?>> usesDeletedItems;

    public RemovedObjects(ProviderHooks provider, Deletions deletions, Predicate<Class<?>> usesDeletedItems) {
        this.provider = provider;
        this.deletions = deletions;
        this.usesDeletedItems = usesDeletedItems;
    }

    public ObjectRef refOf(EntityManager em, Object object, ObjectRef ref, String role) {
        if (object instanceof DeletedItem || !provider.removedIn(em, object)) {
            return ref;
        }
        if (!usesDeletedItems.test(object.getClass())) {
            throw Problem.NOT_STORED.exception(role, EntityReferences.describe(object), ref.key());
        }
        return Deletions.toRef(
                deletions.deletedItem(em, Deletions.remainsOf(object, ref, EntityReferences.idOf(em, object))));
    }
}
