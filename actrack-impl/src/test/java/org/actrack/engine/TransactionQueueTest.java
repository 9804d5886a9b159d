/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine;

import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import org.actrack.Action;
import org.actrack.ActionLog;
import org.actrack.ActrackSettings;
import org.actrack.DeletedItem;
import org.actrack.engine.fixtures.Handlers;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.User;
import org.actrack.engine.write.ActionQueue;
import org.actrack.spi.EntityManagerSource;
import org.junit.jupiter.api.Test;

/** A transaction queue writes each action into the open transaction: commit stores all, rollback none. */
class TransactionQueueTest extends ActrackContractTest {

    private EntityManager em;
    private ActionQueue transactionQueue;

    @Override
    protected ActionLog createLog(EntityManagerFactory factory, ActrackSettings settings, Clock testClock) {
        em = factory.createEntityManager();
        transactionQueue = ActionQueue.forTransaction();
        return Actrack.builder()
                .entityManagerSource(EntityManagerSource.sharing(em))
                .clock(testClock)
                .handlers(Handlers.lookup())
                .queues(() -> transactionQueue)
                .build();
    }

    @Test
    void actionsAreWrittenIntoTheTransactionAndCommitWithIt() {
        User user = user("user");
        em.getTransaction().begin();
        Project project = new Project("made here");
        em.persist(project);
        log.log(em.merge(user), "created", targets(project));
        log.log(em.merge(user), "my_included_action");
        log.log(em.merge(user), "my_all_inclusive_action");
        em.getTransaction().commit();
        em.close();

        assertThat(rows("actrack_action")).isEqualTo(2);
        assertThat(transactionQueue.stored())
                .extracting(stored -> stored.action().verb())
                .containsExactly("created", "my_all_inclusive_action");
    }

    @Test
    void actionsOfATransactionThatRollsBackAreNotStored() {
        User user = user("user");
        em.getTransaction().begin();
        log.log(em.merge(user), "created");
        log.log(em.merge(user), "edited");
        em.getTransaction().rollback();
        em.close();

        assertThat(storedRows()).isZero();
    }

    @Test
    void anActionWhoseTargetIsRemovedLaterInTheTransactionRefersToItsDeletedItem() {
        User user = user("user");
        Project project = project("project");
        em.getTransaction().begin();
        Project removed = em.find(Project.class, project.getId());
        log.log(em.merge(user), "created", targets(removed));
        log.history().entityRemoved(removed);
        em.remove(removed);
        em.getTransaction().commit();
        em.close();

        Action created = everything(Actrack.builder()
                        .entityManagerFactory(database.factory())
                        .build()
                        .actions(user)
                        .all())
                .get(0);
        assertThat(created.targets()).singleElement().isInstanceOf(DeletedItem.class);
    }
}
