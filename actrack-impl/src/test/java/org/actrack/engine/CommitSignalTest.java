package org.actrack.engine;

import static org.actrack.Options.targets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.actrack.ActionLog;
import org.actrack.ActrackSettings;
import org.actrack.LogRequest;
import org.actrack.engine.fixtures.Project;
import org.actrack.engine.fixtures.User;
import org.actrack.engine.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * On PostgreSQL every transaction that stores actions or changes trackers notifies {@code actrack.notify-channel}
 * once, and only when it commits: what live feeds on other nodes listen for.
 */
class CommitSignalTest extends ActrackContractTest {

    private Connection listener;

    @BeforeEach
    void listen() throws SQLException {
        assumeTrue("postgresql".equals(database.kind()), "NOTIFY is PostgreSQL's");
        TestDatabase.Target target = TestDatabase.Target.fromSystemProperties();
        listener = DriverManager.getConnection(target.url(), target.user(), target.password());
        try (Statement statement = listener.createStatement()) {
            statement.execute("LISTEN signal_test");
        }
    }

    @AfterEach
    void stopListening() throws SQLException {
        if (listener != null) {
            listener.close();
        }
    }

    @Override
    protected ActrackSettings settings() {
        return ActrackSettings.builder().notifyChannel("signal_test").build();
    }

    @Override
    protected ActionLog createLog(EntityManagerFactory factory, ActrackSettings settings, Clock testClock) {
        return Actrack.builder().entityManagerFactory(factory).settings(settings).clock(testClock).build();
    }

    @Test
    void aTransactionThatStoresActionsNotifiesOnceAtCommit() throws SQLException {
        User writer = user("writer");
        Project project = project("project");
        received();

        log.logAll(List.of(LogRequest.of(writer, "created", targets(project)), LogRequest.of(writer, "edited", targets(project)),
                LogRequest.of(writer, "closed", targets(project))));

        assertThat(received()).containsExactly("actions");
    }

    @Test
    void aTransactionThatRollsBackNotifiesNothing() throws SQLException {
        User writer = user("writer");
        received();

        jakarta.persistence.EntityManager em = database.factory().createEntityManager();
        try {
            em.getTransaction().begin();
            Actrack.builder().entityManagerSource(org.actrack.spi.EntityManagerSource.sharing(em)).settings(settings()).clock(clock)
                    .build().log(writer, "created");
            em.flush();
            em.getTransaction().rollback();
        } finally {
            em.close();
        }

        assertThat(received()).isEmpty();
    }

    @Test
    void changingTrackersNotifiesTheOwner() throws SQLException {
        User reader = user("reader");
        Project project = project("project");
        received();

        log.track(reader, project);
        log.untrack(reader, project);

        assertThat(received()).containsExactly("trackers User#" + reader.getId(), "trackers User#" + reader.getId());
    }

    private List<String> received() throws SQLException {
        List<String> payloads = new ArrayList<>();
        PGNotification[] notifications = listener.unwrap(PGConnection.class).getNotifications(500);
        if (notifications != null) {
            for (PGNotification notification : notifications) {
                payloads.add(notification.getParameter());
            }
        }
        return payloads;
    }
}
