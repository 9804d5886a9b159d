// The demo page: pick a user, follow trains and stations, move trains, read the feed.
const api = (path, options = {}) => fetch('api/' + path, options).then(async response => {
    if (!response.ok) {
        throw new Error(await response.text() || response.statusText);
    }
    const text = await response.text();
    return text ? JSON.parse(text) : null;
});
const $ = selector => document.querySelector(selector);
const element = (tag, { dataset = {}, ...properties } = {}, ...children) => {
    const node = Object.assign(document.createElement(tag), properties);
    Object.entries(dataset).forEach(([key, value]) => node.dataset[key] = value);
    node.append(...children);
    return node;
};
let stations = [];
let following = [];
let nextPage = null;

const user = () => $('#user').value;
const follows = (kind, id) => following.some(f => f.kind === kind && (f.id === id || kind === 'trains'));
const act = promise => promise.then(refresh).catch(error => $('#error').textContent = error.message);
const toggleFollow = (kind, id) => act(api(`users/${user()}/following/${kind}/${id}`,
    { method: follows(kind, id) ? 'DELETE' : 'PUT' }));

async function refresh() {
    $('#error').textContent = '';
    following = await api(`users/${user()}/following`);
    stations = await api('stations');
    renderTrains(await api('trains'));
    renderStations();
    $('#follow-all-trains').textContent = follows('trains', 0) ? 'Unfollow every train' : 'Follow every train';
    const feed = await api(`users/${user()}/feed?size=10`);
    $('#feed').replaceChildren(...feed.items.map(feedItem));
    showMore(feed);
}

function renderTrains(trains) {
    $('#trains tbody').replaceChildren(...trains.map(train => {
        const where = train.retired ? 'retired' : train.location ? `at ${train.location}` : `→ ${train.headingTo}`;
        const follow = element('button', { type: 'button', textContent: follows('train', train.id) ? 'Unfollow' : 'Follow',
            dataset: { follow: `train-${train.name}` }, onclick: () => toggleFollow('train', train.id) });
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
        if (!train.retired && train.location) {
            move.append(element('button', { type: 'button', textContent: 'Retire',
                onclick: () => act(api(`trains/${train.id}/retire`, { method: 'POST' })) }));
        }
        return element('tr', {}, element('td', { textContent: train.name }), element('td', { textContent: where }),
            element('td', {}, follow), element('td', {}, move));
    }));
}

function renderStations() {
    $('#stations').replaceChildren(...stations.map(station => element('li', {}, `${station.name} `,
        element('button', { type: 'button', textContent: follows('station', station.id) ? 'Unfollow' : 'Follow',
            dataset: { follow: `station-${station.name}` }, onclick: () => toggleFollow('station', station.id) }))));
}

function feedItem(item) {
    const text = element('div', {}, item.text, element('time', { dateTime: item.time, textContent: new Date(item.time).toLocaleString() }));
    const li = element('li', { className: item.unread ? 'action unread' : 'action', dataset: { action: item.id } }, text);
    if (item.unread) {
        li.append(element('button', { type: 'button', textContent: 'Mark read', dataset: { read: item.id },
            onclick: () => act(api(`users/${user()}/feed/${item.id}/read`, { method: 'POST' })) }));
    }
    return li;
}

function showMore(feed) {
    $('#unread-count').textContent = feed.unread;
    nextPage = feed.next;
    $('#more').hidden = !nextPage;
}

$('#more').onclick = async () => {
    const feed = await fetch(nextPage).then(r => r.json());
    $('#feed').append(...feed.items.map(feedItem));
    showMore(feed);
};
$('#mark-all-read').onclick = () => act(api(`users/${user()}/feed/read`, { method: 'POST' }));
$('#follow-all-trains').onclick = () => toggleFollow('trains', 0);
$('#user').onchange = refresh;

api('users').then(users => {
    $('#user').replaceChildren(...users.map(u => element('option', { value: u.id, textContent: u.name })));
    refresh();
    setInterval(() => { if (!document.hidden) refresh().catch(() => {}); }, 4000);
});
