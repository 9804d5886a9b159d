// The demo page: the signed-in user follows trains and stations, moves trains, and reads their feed, which
// updates itself through actrack-rest's live feed (server-sent events). Every text goes in as text, never as HTML.
const problemText = async response => {
    const text = await response.text();
    try {
        return JSON.parse(text).detail || response.statusText;
    } catch (notJson) {
        return response.statusText;
    }
};
// Every request says it comes from a script of this page (X-Requested-With): actrack-rest refuses state changes that a
// page of another site could send, which cannot carry such a header.
const call = (path, options = {}) => fetch(path, { headers: { Accept: 'application/json', 'X-Requested-With': 'fetch' }, ...options })
    .then(async response => {
    if (response.redirected && response.url.includes('login.html')) {
        location.reload();
    }
    if (!response.ok) {
        throw new Error(await problemText(response));
    }
    const text = await response.text();
    return text ? JSON.parse(text) : null;
});
const api = (path, options) => call('api/' + path, options);
const activity = (path, options) => call('activity/' + path, options);
const $ = selector => document.querySelector(selector);
const element = (tag, { dataset = {}, ...properties } = {}, ...children) => {
    const node = Object.assign(document.createElement(tag), properties);
    Object.entries(dataset).forEach(([key, value]) => node.dataset[key] = value);
    node.append(...children);
    return node;
};
let stations = [];
let trackers = [];
let nextPage = null;
let liveContinuation = 'activity/feed/events';

const follows = (type, id) => trackers.some(t => t.type === type && (id === undefined ? t.objectId === null : t.objectId === String(id)));
const shown = error => $('#error').textContent = error.message;
const act = promise => promise.then(() => $('#error').textContent = '').then(refreshTrains).catch(shown);
// Trains are followed for what they do (actorOnly); stations for everything that happens there (over HTTP, the
// default); "every train" needs no id.
const toggleFollow = (type, id) => {
    const path = id === undefined ? `trackers/${type}` : `trackers/${type}/${id}`;
    const method = follows(type, id) ? 'DELETE' : 'PUT';
    return act(activity(method === 'PUT' && type === 'Train' ? `${path}?actorOnly=true` : path, { method }));
};

async function refreshTrains() {
    trackers = (await activity('trackers')).trackers;
    stations = await api('stations');
    renderTrains(await api('trains'));
    renderStations();
    $('#follow-all-trains').textContent = follows('Train') ? 'Unfollow every train' : 'Follow every train';
}

async function loadFeed() {
    const feed = await activity('feed?size=10');
    $('#feed').replaceChildren(...feed.items.map(feedItem));
    liveContinuation = feed.live;
    nextPage = feed.next;
    $('#more').hidden = !nextPage;
    showCounts(await activity('feed/unread-count'));
}

const showCounts = counts => {
    $('#unread-count').textContent = counts.unread;
    $('#unseen-count').textContent = counts.unseen;
};

// The notifications: the bell's badge counts what is unread and not yet seen; opening the list marks everything seen
// (nothing is read) and shows the feed grouped when read; a group is marked read by its unread actions' ids.
async function loadGroups() {
    const page = await activity('feed?grouped=true&size=10&members=1');
    $('#groups').replaceChildren(...page.items.map(groupItem));
}

function groupItem(group) {
    const people = group.actors === 1 ? '1 person' : `${group.actors} people`;
    const actions = group.actions === 1 ? '1 action' : `${group.actions} actions`;
    const li = element('li', { className: group.unread > 0 ? 'unread' : '', dataset: { group: group.key } },
        element('div', {}, group.summary, element('small', { textContent: `${actions} by ${people}` })));
    if (group.unread > 0) {
        li.append(element('button', { type: 'button', textContent: 'Mark read', dataset: { readGroup: group.key },
            onclick: () => activity('feed/read?' + group.unreadIds.map(id => `action=${id}`).join('&'), { method: 'POST' })
                .then(loadGroups).then(() => activity('feed/unread-count')).then(showCounts).catch(shown) }));
    }
    return li;
}

$('#bell').onclick = async () => {
    const panel = $('#notifications');
    panel.hidden = !panel.hidden;
    $('#bell').setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) {
        await activity('feed/seen', { method: 'POST' }).then(seen => $('#unseen-count').textContent = seen.unseen)
            .then(loadGroups).catch(shown);
    }
};

function renderTrains(trains) {
    $('#trains tbody').replaceChildren(...trains.map(train => {
        const where = train.retired ? 'retired' : train.location ? `at ${train.location}` : `→ ${train.headingTo}`;
        const follow = element('button', { type: 'button', textContent: follows('Train', train.id) ? 'Unfollow' : 'Follow',
            dataset: { follow: `train-${train.name}` }, onclick: () => toggleFollow('Train', train.id) });
        const move = element('span');
        if (!train.retired && train.location) {
            const select = element('select', { dataset: { destination: train.name } },
                ...stations.filter(s => s.name !== train.location).map(s => element('option', { value: s.id, textContent: s.name })));
            move.append(select, element('button', { type: 'button', textContent: 'Depart', dataset: { depart: train.name },
                onclick: () => act(api(`trains/${train.id}/depart?to=${select.value}`, { method: 'POST' })) }));
        } else if (!train.retired) {
            move.append(element('button', { type: 'button', textContent: 'Arrive', dataset: { arrive: train.name },
                onclick: () => act(api(`trains/${train.id}/arrive`, { method: 'POST' })) }));
        }
        if (!train.retired) {
            move.append(element('button', { type: 'button', textContent: 'Retire', dataset: { retire: train.name },
                onclick: () => act(api(`trains/${train.id}/retire`, { method: 'POST' })) }));
        }
        return element('tr', {}, element('td', { textContent: train.name }), element('td', { textContent: where }),
            element('td', {}, follow), element('td', {}, move));
    }));
}

function renderStations() {
    $('#stations').replaceChildren(...stations.map(station => element('li', {}, `${station.name} `,
        element('button', { type: 'button', textContent: follows('Station', station.id) ? 'Unfollow' : 'Follow',
            dataset: { follow: `station-${station.id}` }, onclick: () => toggleFollow('Station', station.id) }))));
}

function feedItem(item) {
    const text = element('div', {}, item.summary,
        element('time', { dateTime: item.published, textContent: new Date(item.published).toLocaleString() }));
    const li = element('li', { className: item.unread ? 'action unread' : 'action', dataset: { action: item.id } }, text);
    if (item.unread) {
        li.append(element('button', { type: 'button', textContent: 'Mark read', dataset: { read: item.id },
            onclick: () => activity(`feed/${item.id}/read`, { method: 'POST' }).then(() => {
                li.classList.remove('unread');
                li.querySelector('button').remove();
                return activity('feed/unread-count');
            }).then(showCounts).catch(shown) }));
    }
    return li;
}

// The live feed: each committed action of the feed arrives as an "action" event, then the new unread count. It
// continues the first page (its "live" link): nothing committed between the page and the stream is missed.
function listen() {
    const live = new EventSource(liveContinuation);
    live.onopen = () => $('#live').textContent = 'live';
    live.onerror = () => $('#live').textContent = 'reconnecting…';
    live.addEventListener('action', event => {
        const item = JSON.parse(event.data);
        document.querySelector(`#feed li[data-action="${item.id}"]`)?.remove();
        $('#feed').prepend(feedItem(item));
        refreshTrains().catch(shown);
    });
    live.addEventListener('unread', event => {
        showCounts(JSON.parse(event.data));
        if (!$('#notifications').hidden) {
            loadGroups().catch(shown);
        }
    });
}

$('#more').onclick = async () => {
    const feed = await call(nextPage);
    $('#feed').append(...feed.items.map(feedItem));
    nextPage = feed.next;
    $('#more').hidden = !nextPage;
};
$('#mark-all-read').onclick = () => activity('feed/read', { method: 'POST' }).then(loadFeed).catch(shown);
$('#follow-all-trains').onclick = () => toggleFollow('Train');
$('#sign-out').onclick = () => api('session/end', { method: 'POST' }).then(() => location.href = 'index.html');

api('session').then(me => {
    $('#me').textContent = me.name;
    return Promise.all([refreshTrains(), loadFeed()]);
}).then(listen).catch(shown);
