/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.readme;

// spotless:off (the documentation shows this file as it is laid out here)

import static org.actrack.Options.actorOnly;
import static org.actrack.Options.data;
import static org.actrack.Options.flag;
import static org.actrack.Options.level;
import static org.actrack.Options.related;
import static org.actrack.Options.targets;
import static org.actrack.Options.using;
import static org.actrack.Options.verbs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.actrack.Action;
import org.actrack.ActionGroup;
import org.actrack.ActionLog;
import org.actrack.ActionPage;
import org.actrack.FeedScope;
import org.actrack.GroupPage;
import org.actrack.LogRequest;
import org.actrack.Tracker;

@ApplicationScoped
public class Following {

    @Inject
    ActionLog log;

    @PersistenceContext
    EntityManager em;

    @Transactional
    public void follow(Member alice, Member driver, Train train12, Station lyon) {
        log.track(alice, train12, actorOnly(false));             // alice follows train 12 in any role
        log.track(alice, Station.class, verbs("closed"));          // and every station's closing
        log.log(driver, "arrived", targets(train12), related(lyon), data("platform", 4));
        log.log(driver, "delayed", targets(train12), level("WARNING"), using("archive"));
        log.logAll(List.of(LogRequest.of(driver, "departed", targets(train12)),
                LogRequest.of(driver, "arrived", targets(train12))));
    }

    public ActionPage feed(Member alice) {
        return log.actions(alice).feed().page(20);                // what happened, newest first
    }

    public void read(Member alice, Train train12, Consumer<Action> exporter) {
        ActionPage page = log.actions(alice).feed().verbs("arrived").page(20);
        ActionPage next = log.actions(alice).feed().verbs("arrived").after(page.nextCursor()).page(20);

        try (Stream<Action> all = log.actions(train12).all().stream(500)) {   // every page, read lazily
            all.forEach(exporter);
        }
        long badge = log.actions(alice).feed().unreadFor(alice).countUpTo(100);  // 100 means "99+"
    }

    public ActionPage sinceFollowed(Member alice) {
        ActionPage news = log.actions(alice).feed(FeedScope.SINCE_FOLLOWED).page(20);
        return news;
    }

    public void grouped(Member alice) {
        GroupPage page = log.actions(alice).feed().grouped().members(3).page(20);
        for (ActionGroup group : page.groups()) {
            group.first();          // the newest action; group.members(): the 3 newest, newest first
            group.actionCount();    // how many actions, group.more() of them not in members()
            group.actorCount();     // how many distinct actors
            group.unreadCount();    // for the reader; group.seen(): none of its unread actions is newer than the seen position
        }
        GroupPage next = log.actions(alice).feed().grouped().after(page.nextCursor()).page(20);
        log.unread(alice).markRead(page.groups().get(0));     // the group's unread actions, whatever auto-read says
    }

    @Transactional
    public void unread(Member alice, Action action) {
        long unread = log.unread(alice).count();
        ActionPage news = log.actions(alice).feed().unreadFor(alice).page(20);
        log.unread(alice).markRead(action);                          // true if it was unread
        log.unread(alice).markRead(news.actions(), false);           // one flag per action, in order
        log.unread(alice).areUnread(news.actions());                 // one flag per action (false below the readable level)
        log.unread(alice).markAllRead();
    }

    @Transactional
    public List<Tracker> team(List<Member> team, Train project) {
        List<Tracker> trackers = log.trackAll(team, project, actorOnly(false));
        return trackers;
    }

    @Transactional
    public long seen(Member alice) {
        long badge = log.unread(alice).countUnseen();
        log.unread(alice).markSeen();                                // the badge starts again from zero
        return badge;
    }

    @Transactional
    public ActionPage flags(Member alice, Train train12) {
        log.track(alice, train12, actorOnly(false), flag("watching"));       // beside her tracker without a flag
        List<Object> watchers = log.trackers(train12).tracking().flagged("watching").owners();
        log.untrack(alice, train12, flag("watching"));                         // the others stay
        return log.actions(alice).feed(FeedScope.ALL.flagged("watching")).page(20);
    }

    public ActionPage mystream(Member alice) {
        return log.streams().named("mystream", alice, Map.of("verb", "commented")).page(20);
    }

    @Transactional
    public void remove(Station lyon, Train train12, List<Long> ids) {
        em.remove(lyon);                                         // its actions now show a DeletedItem "Station Lyon"
        log.history().deletedItem(train12);                                // get_del_item: log about an entity while removing it
        log.history().entitiesRemoved(Train.class, ids);                   // after a JPQL bulk DELETE, which has no callbacks
    }
}
// spotless:on
