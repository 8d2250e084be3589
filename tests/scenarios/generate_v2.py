#!/usr/bin/env python3
# Regenerates the scenario/2 files in this folder: python3 tests/scenarios/generate_v2.py
# (generate.py writes the older scenario/1 files; its random stream is left alone.)
#
# Histories written from the 2025 takeovers as they were described publicly (brokers.md §4) and from
# ordinary investors' habits; every person, order number and invented stock name (架空) is invented.
# Addresses come from tests/support/scenario-networks.json: real blocks of the networks they stand for, checked by
# tests/meta/scenario-networks.test.ts. Executions fall on trading days in market hours (checked here
# and by the same test): evening orders carry their order time (orderedAt) and execute at the next open.
import ipaddress, json, os, random
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
JST = timezone(timedelta(hours=9))
NETWORKS = json.load(open(os.path.join(HERE, '..', 'support', 'scenario-networks.json'), encoding='utf-8'))['networks']


def D(s):
    return datetime.fromisoformat(s)


def iso(d):
    return d.astimezone(JST).isoformat(timespec='seconds')


R = random.Random(20260301)


def addr_day(net, day):
    """A home address for that day: the ISP keeps one block through a day (hosts still change)."""
    blocks = [ipaddress.ip_network(b) for b in NETWORKS[net]['blocks']]
    b = blocks[day.toordinal() % len(blocks)]
    return str(b.network_address + R.randrange(2, b.num_addresses - 2))


def addr(net, k=None):
    """An address inside the named network's blocks (deterministic for a given k, else random)."""
    blocks = [ipaddress.ip_network(b) for b in NETWORKS[net]['blocks']]
    rnd = random.Random(k) if k is not None else R
    b = blocks[rnd.randrange(len(blocks))]
    return str(b.network_address + rnd.randrange(2, b.num_addresses - 2))


# ---- trading calendar (the same closed days as utils/detect/market-time.ts) ----
JP_HOLIDAYS = set('''
2024-01-08 2024-02-12 2024-02-23 2024-03-20 2024-04-29 2024-05-03 2024-05-06 2024-07-15 2024-08-12 2024-09-16
2024-09-23 2024-10-14 2024-11-04 2025-01-13 2025-02-11 2025-02-24 2025-03-20 2025-04-29 2025-05-05 2025-05-06
2025-07-21 2025-08-11 2025-09-15 2025-09-23 2025-10-13 2025-11-03 2025-11-24
'''.split())


def jp_trading_day(d):
    s = d.strftime('%Y-%m-%d')
    return d.weekday() < 5 and s[5:] not in ('12-31', '01-01', '01-02', '01-03') and s not in JP_HOLIDAYS


def check_execution(row):
    """An executed row with a time must be inside its market's hours (JST) on a trading day."""
    if row.get('status', 'executed') != 'executed':
        return
    at = row['at']
    if isinstance(at, str) and len(at) == 10:
        d = datetime.fromisoformat(at + 'T12:00:00+09:00')
        assert row['market'] not in ('東証',) or jp_trading_day(d), f'not a trading day: {row}'
        return
    t = D(at) if isinstance(at, str) else at
    m = t.hour * 60 + t.minute
    mk = row['market']
    if mk == '東証':
        close = 15 * 60 + 30 if t >= D('2024-11-05T00:00:00+09:00') else 15 * 60
        assert jp_trading_day(t) and (9 * 60 <= m <= 11 * 60 + 30 or 12 * 60 + 30 <= m <= close), f'TSE closed: {row}'
    elif mk == '香港':
        assert t.weekday() < 5 and (10 * 60 + 30 <= m <= 13 * 60 or 14 * 60 <= m <= 17 * 60), f'HKEX closed: {row}'
    elif mk in ('NASDAQ', 'NYSE', 'NYSE Arca'):
        ny = t.astimezone(timezone(timedelta(hours=-4 if 3 <= t.month <= 10 else -5)))
        nm = ny.hour * 60 + ny.minute
        assert ny.weekday() < 5 and 9 * 60 + 30 <= nm <= 16 * 60, f'US closed: {row}'
    if row.get('orderedAt'):
        assert D(row['orderedAt']) <= t, f'ordered after execution: {row}'


def next_open(t):
    """The next Tokyo opening auction (09:00) after t."""
    d = (t + timedelta(hours=15)).replace(hour=9, minute=0, second=0)
    while not jp_trading_day(d) or d <= t:
        d = (d + timedelta(days=1)).replace(hour=9, minute=0, second=0)
    return d


# ---- the builder --------------------------------------------------------------------------------
class S:
    def __init__(self, id, kind, title, broker, installed, shown=40):
        self.id, self.kind, self.title, self.broker = id, kind, title, broker
        self.installed = D(installed)
        self.shown = shown
        self.logins = []  # dicts with 'at' (datetime) and page fields; 'mine': this browser made it
        self.visits = []  # extra page views of this browser (datetimes)
        self.steps = []  # (time, order, step dict)
        self.orders = []  # every trade, for the pages that show them

    def login(self, at, mine=False, browse=0, **fields):
        """A login; `mine`: this browser made it (a visit follows); `browse`: minutes it stays on the site."""
        at = D(at) if isinstance(at, str) else at
        if 'net' in fields:
            fields = {**fields, 'ip': addr_day(fields['net'], at.astimezone(JST).date())}
            del fields['net']
        self.logins.append({'at': at, 'mine': mine, **fields})
        if mine and at >= self.installed - timedelta(minutes=2):
            for k in range(0, browse + 1, 5):
                self.visits.append(at + timedelta(seconds=45 + 60 * k))
        return at

    def visit(self, at):
        self.visits.append(D(at) if isinstance(at, str) else at)

    def login_page(self, at, shown=None):
        at = D(at)
        rows = [l for l in self.logins if l['at'] <= at][-(shown or self.shown):]
        self.visit(at - timedelta(seconds=20))
        out = []
        for l in rows:
            r = {'at': iso(l['at'])}
            r.update({k: v for k, v in l.items() if k not in ('at', 'mine')})
            out.append(r)
        self.steps.append((at, 1, {'type': 'logins', 'at': iso(at), 'rows': out}))

    def trade(self, side, symbol, name, qty, price, market='東証', currency='円', account='特定', at=None,
              ordered=None, status='executed', fees=None, order_no=None, login=None):
        """One trade; `ordered`: when it was placed (evening orders execute at the next open)."""
        ordered = D(ordered) if isinstance(ordered, str) else ordered
        at = D(at) if isinstance(at, str) else at
        if login is not None and ordered is not None:
            # the session the order was placed in
            self.login(ordered - timedelta(minutes=3, seconds=R.randrange(60)), mine=True, browse=10, **login)
        if at is None and status == 'executed':
            at = next_open(ordered)
        t = {'side': side, 'symbol': symbol, 'name': name, 'quantity': qty, 'price': price, 'market': market,
             'currency': currency, 'account': account, 'at': at, 'ordered': ordered, 'status': status,
             'fees': fees, 'no': order_no}
        self.orders.append(t)
        return t

    def _row(self, t, page):
        at = t['at'] if t['status'] == 'executed' else t['ordered']
        r = {'at': iso(at) if page != 'history' else at.strftime('%Y-%m-%d'), 'side': t['side'], 'market': t['market'],
             'symbol': t['symbol'], 'name': t['name'], 'quantity': t['quantity'], 'price': t['price'],
             'currency': t['currency'], 'account': t['account']}
        if page == 'inquiry':
            if t['ordered'] is not None:
                r['orderedAt'] = iso(t['ordered'])
            if t['no']:
                r['orderNumber'] = t['no']
            if t['status'] != 'executed':
                r['status'] = t['status']
        if page == 'history':
            amount = round(t['quantity'] * t['price'] * {'円': 1, 'HKドル': 19.2, '米ドル': 148}[t['currency']])
            r['amount'] = amount
            r['fees'] = t['fees'] if t['fees'] is not None else 0
        check_execution({**r, 'at': r['at'], 'status': t['status']})
        return r

    def order_page(self, at, page='inquiry', since=None):
        """A capture of the order inquiry (times, order numbers) or the trade history / CSV (dates, amounts)."""
        at = D(at)
        since = D(since) if since else at - timedelta(days=400)
        rows = []
        for t in self.orders:
            when = t['at'] if t['status'] == 'executed' else t['ordered']
            if when is None or when > at or when < since:
                continue
            if page == 'history' and t['status'] != 'executed':
                continue
            if page == 'inquiry' and t['ordered'] is not None and t['ordered'] > at:
                continue
            rows.append(self._row(t, page))
        self.visit(at - timedelta(seconds=20))
        self.steps.append((at, 2, {'type': 'orders', 'at': iso(at), 'rows': rows}))

    def changes_page(self, at, rows):
        at = D(at)
        self.visit(at - timedelta(seconds=20))
        self.steps.append((at, 3, {'type': 'account-changes', 'at': iso(at),
                                   'rows': [{**r, 'at': iso(D(r['at']))} for r in rows]}))

    def feedback(self, at, verdict, event=None, environment_of=None):
        step = {'type': 'feedback', 'at': iso(D(at)), 'verdict': verdict}
        if event:
            step['event'] = iso(D(event)) if 'T' in event else event
        else:
            step['environmentOf'] = iso(D(environment_of))
        self.steps.append((D(at), 4, step))

    def write(self, expect):
        steps = list(self.steps)
        seen = set()
        for v in self.visits:
            if v < self.installed - timedelta(minutes=2):
                continue
            k = iso(v)[:16]
            if k in seen:
                continue
            seen.add(k)
            steps.append((v, 0, {'type': 'visit', 'at': iso(v)}))
        steps.sort(key=lambda s: (s[0], s[1]))
        doc = {'format': 'scenario/2', 'id': self.id, 'kind': self.kind, 'title': self.title, 'broker': self.broker,
               'installedAt': iso(self.installed), 'steps': [s[2] for s in steps], 'expect': expect}
        with open(os.path.join(HERE, f'{self.id}.json'), 'w', encoding='utf-8') as fh:
            json.dump(doc, fh, ensure_ascii=False, indent=1)
            fh.write('\n')


def days(start, n):
    d0 = D(start)
    return [d0 + timedelta(days=i) for i in range(n)]


def at(day, h, m, s=None):
    return day.replace(hour=h, minute=m, second=R.randrange(60) if s is None else s)


WIN_CHROME = {'os': 'Windows', 'browser': 'Chrome 134'}
MAC_SAFARI = {'os': 'macOS', 'browser': 'Safari'}
IOS = {'os': 'iOS', 'browser': 'Safari'}


def evenings(s, start, n, net, fields, hour=21, every=1, skip=0.15, mine=True, browse=15):
    """The user's own evenings at home from this browser."""
    for i, d in enumerate(days(start, n)):
        if i % every or R.random() < skip:
            continue
        s.login(at(d, hour, R.randrange(0, 50)), mine=mine, browse=browse, net=net, **fields)


# =================================================================================================
# Attacks found after the fact: installed after the takeover (cold start)
# =================================================================================================

# A1. SBI, with addresses: an AWS Tokyo server logs in at 02:41 with the victim's own browser and OS,
#     sells most holdings (NISA included) at the open and buys Hong Kong small caps; the victim
#     installs eight days later and rejects the environment in the first review.
s = S('attack-coldstart-sbi-aws-liquidation', 'attack',
      'SBI, found after the fact: an AWS Tokyo server with the victim\'s own Windows Chrome logs in at 02:41, sells most holdings at the open and buys Hong Kong small caps; installed eight days later, the environment is rejected in the first review',
      'sbi', '2025-04-03T20:30:00+09:00')
evenings(s, '2024-11-01T00:00:00+09:00', 153, 'ocn-home', WIN_CHROME, hour=21)
for d in days('2024-11-04T00:00:00+09:00', 150)[::7]:
    s.login(at(d, 12, R.randrange(5, 40)), ip=addr('docomo-mobile'), **IOS)
home = lambda: {'net': 'ocn-home', **WIN_CHROME}
s.trade('buy', '7203', 'トヨタ自動車', 300, 2790, ordered='2024-11-12T21:14:00+09:00', order_no='20241112-000211', login=home())
s.trade('buy', '8306', '三菱ＵＦＪフィナンシャル・グループ', 500, 1712, account='NISA成長投資枠', ordered='2024-12-03T21:30:00+09:00', login=home())
s.trade('buy', '9432', '日本電信電話', 2000, 153, account='NISA成長投資枠', ordered='2025-01-08T21:05:00+09:00', login=home())
s.trade('buy', '6758', 'ソニーグループ', 100, 3410, ordered='2025-02-05T22:02:00+09:00', login=home())
s.trade('buy', '4063', '信越化学工業', 100, 4780, ordered='2025-02-18T21:40:00+09:00', login=home())
a1 = s.login('2025-03-26T02:41:10+09:00', ip=addr('aws-tokyo', 1), **WIN_CHROME)
for k, (sym, name, qty, price, acct) in enumerate([('7203', 'トヨタ自動車', 300, 2745, '特定'),
                                                    ('8306', '三菱ＵＦＪフィナンシャル・グループ', 500, 1968, 'NISA成長投資枠'),
                                                    ('9432', '日本電信電話', 2000, 149, 'NISA成長投資枠'),
                                                    ('6758', 'ソニーグループ', 100, 3520, '特定')]):
    s.trade('sell', sym, name, qty, price, account=acct, ordered=a1 + timedelta(minutes=5 + k), order_no=f'20250326-0009{k}{k}')
a2 = s.login('2025-03-26T10:12:30+09:00', ip=addr('aws-tokyo', 2), **WIN_CHROME)
hk1 = s.trade('buy', '08327', '香港小型株Ａ（架空）', 150000, 0.82, market='香港', currency='HKドル',
              at='2025-03-26T10:35:00+09:00', ordered='2025-03-26T10:31:00+09:00', order_no='20250326-001201')
hk2 = s.trade('buy', '01621', '香港小型株Ｂ（架空）', 90000, 0.41, market='香港', currency='HKドル',
              at='2025-03-26T10:38:00+09:00', ordered='2025-03-26T10:36:00+09:00', order_no='20250326-001202')
s.login('2025-04-03T20:28:40+09:00', mine=True, browse=25, net='ocn-home', **WIN_CHROME)
s.login_page('2025-04-03T20:35:00+09:00', shown=40)
s.order_page('2025-04-03T20:37:00+09:00', 'inquiry', since='2025-03-20T00:00:00+09:00')
s.order_page('2025-04-03T20:38:00+09:00', 'history')
s.feedback('2025-04-03T20:45:00+09:00', 'not-mine', environment_of=iso(a1))
evenings(s, '2025-04-04T00:00:00+09:00', 20, 'ocn-home', WIN_CHROME)
for c in ['2025-04-08T22:10:00+09:00', '2025-04-15T22:10:00+09:00', '2025-04-22T22:30:00+09:00']:
    s.login_page(c, shown=30)
s.write({'alerts': [{'event': iso(a1), 'minSeverity': 'medium'}, {'event': iso(a2), 'minSeverity': 'medium'},
                    {'event': '2025-03-26T09:00:00+09:00', 'minSeverity': 'high'},
                    {'event': iso(hk1['at']), 'minSeverity': 'high'}, {'event': iso(hk2['at']), 'minSeverity': 'high'}],
         'otherwiseAtMost': 'low',
         'case': {'notMine': [iso(a1), iso(a2), '2025-03-26T09:00:00+09:00', iso(hk1['at']), iso(hk2['at'])],
                  'mine': ['2025-04-03T20:28:40+09:00', '2025-02-19T09:00:00+09:00', '2024-11-13T09:00:00+09:00']}})

# A2. 楽天証券, no addresses (the page shows the channel only): an iSPEED-only account dormant since
#     September logs in on the PC at 02:41 on a Saturday and again on Monday morning; holdings (NISA
#     included) sold, Hong Kong small caps bought; the victim installs on the PC ten days later. The
#     trade history shows dates only; the order inquiry shows the order times.
s = S('attack-coldstart-rakuten-dormant-app-pc', 'attack',
      '楽天証券, found after the fact, no addresses: an iSPEED-only account dormant for six months logs in on the PC at 02:41, holdings sold and Hong Kong small caps bought; installed on a PC ten days later, the PC logins before installation are rejected',
      'rakuten', '2025-04-10T12:30:00+09:00')
for d in days('2024-03-04T00:00:00+09:00', 190):
    if d.weekday() in (1, 3) or (d.weekday() == 5 and R.random() < 0.5):
        s.login(at(d, R.choice([12, 21]), R.randrange(0, 50)), channel='iSPEED')
app = {'channel': 'iSPEED'}
s.trade('buy', '7203', 'トヨタ自動車', 200, 3410, account='特定', at='2024-04-11T10:02:00+09:00', ordered='2024-04-11T10:01:00+09:00')
s.trade('buy', '9432', '日本電信電話', 1000, 168, account='NISA成長投資枠', at='2024-05-14T12:41:00+09:00', ordered='2024-05-14T12:40:00+09:00')
s.trade('buy', '8058', '三菱商事', 300, 3050, account='NISA成長投資枠', at='2024-07-02T09:31:00+09:00', ordered='2024-07-02T09:30:00+09:00')
s.trade('buy', '2914', 'ＪＴ', 100, 4110, account='特定', at='2024-08-20T10:15:00+09:00', ordered='2024-08-20T10:14:00+09:00')
b1 = s.login('2025-03-29T02:41:00+09:00', channel='PC')
b2 = s.login('2025-03-31T10:38:00+09:00', channel='PC')
for k, (sym, name, qty, price, acct) in enumerate([('7203', 'トヨタ自動車', 200, 2695, '特定'),
                                                    ('9432', '日本電信電話', 1000, 152, 'NISA成長投資枠'),
                                                    ('8058', '三菱商事', 300, 2540, 'NISA成長投資枠'),
                                                    ('2914', 'ＪＴ', 100, 4320, '特定')]):
    s.trade('sell', sym, name, qty, price, account=acct, at=b2 + timedelta(minutes=3 + k), ordered=b2 + timedelta(minutes=2 + k),
            order_no=f'20250331-00441{k}')
hk1 = s.trade('buy', '08327', '香港小型株Ａ（架空）', 120000, 0.78, market='香港', currency='HKドル',
              at='2025-03-31T10:52:00+09:00', ordered='2025-03-31T10:50:00+09:00', order_no='20250331-004420')
b3 = s.login('2025-04-01T14:02:00+09:00', channel='PC')
hk2 = s.trade('buy', '01621', '香港小型株Ｂ（架空）', 80000, 0.41, market='香港', currency='HKドル',
              at='2025-04-01T14:05:00+09:00', ordered='2025-04-01T14:04:00+09:00', order_no='20250401-000318')
s.login('2025-04-10T12:29:00+09:00', mine=True, browse=20, channel='PC')
s.login_page('2025-04-10T12:31:00+09:00', shown=50)
s.order_page('2025-04-10T12:32:00+09:00', 'history')
s.order_page('2025-04-10T12:33:00+09:00', 'inquiry', since='2025-03-25T00:00:00+09:00')
s.feedback('2025-04-10T12:40:00+09:00', 'not-mine', environment_of=iso(b1))
for d in days('2025-04-11T00:00:00+09:00', 21):
    if R.random() < 0.6:
        s.login(at(d, 20, R.randrange(0, 50)), mine=True, channel='PC')
    if d.weekday() in (1, 3):
        s.login(at(d, 12, R.randrange(0, 40)), channel='iSPEED')
for c in ['2025-04-15T20:58:00+09:00', '2025-04-24T20:58:00+09:00', '2025-05-01T20:58:00+09:00']:
    s.visit(D(c) - timedelta(minutes=1))
    s.login_page(c, shown=50)
s.write({'alerts': [{'event': iso(b1), 'minSeverity': 'medium'}, {'event': iso(b2), 'minSeverity': 'medium'},
                    {'event': '2025-03-31', 'minSeverity': 'high'}, {'event': iso(hk1['at']), 'minSeverity': 'high'},
                    {'event': iso(hk2['at']), 'minSeverity': 'high'}],
         'otherwiseAtMost': 'low',
         'case': {'notMine': [iso(b1), iso(b2), iso(b3), '2025-03-31T10:41:00+09:00', iso(hk1['at']), iso(hk2['at'])],
                  'mine': ['2025-04-10T12:29:00+09:00', '2024-04-11T10:02:00+09:00']}})

# A3. 楽天証券, no addresses, a long-standing PC user: the attacker uses the PC channel too, at night,
#     changes the e-mail address, switches notifications off and registers a new withdrawal bank
#     account (お客様情報変更履歴), then sells. Installed a week later; the user answers the review
#     item about those night logins (the PC channel itself is the user's own).
s = S('attack-coldstart-rakuten-night-account-changes', 'attack',
      '楽天証券, found after the fact, no addresses: a PC user for two years; PC logins at 01:52 and 02:30 change the e-mail, switch notifications off, add a withdrawal bank account and sell; installed a week later, the night logins are answered "not mine"',
      'rakuten', '2025-04-21T20:40:00+09:00')
for d in days('2023-05-01T00:00:00+09:00', 720):
    if R.random() < 0.5:
        s.login(at(d, R.choice([19, 20, 21, 22]), R.randrange(0, 59)), channel='PC')
s.trade('buy', '8306', '三菱ＵＦＪフィナンシャル・グループ', 1000, 1210, account='NISA成長投資枠', at='2024-01-10T09:12:00+09:00', ordered='2024-01-09T20:40:00+09:00')
s.trade('buy', '9984', 'ソフトバンクグループ', 200, 6250, account='特定', at='2024-06-04T09:00:00+09:00', ordered='2024-06-03T21:05:00+09:00')
s.trade('buy', '8001', '伊藤忠商事', 200, 6880, account='NISA成長投資枠', at='2024-09-03T09:00:00+09:00', ordered='2024-09-02T20:15:00+09:00')
c1 = s.login('2025-04-14T01:52:00+09:00', channel='PC')
ch = [('2025-04-14T01:58:00+09:00', 'メールアドレスの変更'), ('2025-04-14T02:03:00+09:00', 'メール通知サービスの配信停止'),
      ('2025-04-14T02:06:00+09:00', '出金先口座の変更')]
c2 = s.login('2025-04-15T02:30:00+09:00', channel='PC')
for k, (sym, name, qty, price, acct) in enumerate([('8306', '三菱ＵＦＪフィナンシャル・グループ', 1000, 1668, 'NISA成長投資枠'),
                                                    ('9984', 'ソフトバンクグループ', 200, 7010, '特定'),
                                                    ('8001', '伊藤忠商事', 200, 7120, 'NISA成長投資枠')]):
    s.trade('sell', sym, name, qty, price, account=acct, ordered=c2 + timedelta(minutes=4 + k), order_no=f'20250415-00012{k}')
s.login('2025-04-21T20:38:00+09:00', mine=True, browse=20, channel='PC')
s.login_page('2025-04-21T20:42:00+09:00', shown=60)
s.changes_page('2025-04-21T20:44:00+09:00', [{'at': t, 'item': item, 'channel': 'PC'} for t, item in ch] +
               [{'at': '2024-02-12T10:40:00+09:00', 'item': '住所の変更', 'channel': 'PC'}])
s.order_page('2025-04-21T20:46:00+09:00', 'inquiry', since='2025-04-10T00:00:00+09:00')
s.order_page('2025-04-21T20:47:00+09:00', 'history')
s.feedback('2025-04-21T20:55:00+09:00', 'not-mine', event=iso(c1))
for d in days('2025-04-22T00:00:00+09:00', 14):
    if R.random() < 0.7:
        s.login(at(d, 21, R.randrange(0, 40)), mine=True, channel='PC')
s.login_page('2025-05-02T22:30:00+09:00', shown=60)
s.write({'alerts': [{'event': iso(c1), 'minSeverity': 'medium'}, {'event': iso(c2), 'minSeverity': 'medium'},
                    {'event': ch[0][0], 'minSeverity': 'high'}, {'event': ch[1][0], 'minSeverity': 'high'},
                    {'event': ch[2][0], 'minSeverity': 'high'}, {'event': '2025-04-15T09:00:00+09:00', 'minSeverity': 'high'}],
         'otherwiseAtMost': 'low',
         'case': {'notMine': [iso(c1), iso(c2), ch[0][0], ch[2][0], '2025-04-15T09:00:00+09:00'],
                  'mine': ['2025-04-21T20:38:00+09:00', '2024-02-12T10:40:00+09:00', '2024-06-04T09:00:00+09:00']}})

# A4. SBI, with addresses: logins from Chinanet at 01:12 (one /16) and the next morning (another),
#     NISA holdings sold at the open and Hong Kong small caps bought; installed ten days later.
s = S('attack-coldstart-sbi-chinanet', 'attack',
      'SBI, found after the fact: logins from Chinanet at 01:12 and the next morning with the victim\'s macOS Safari; NISA holdings sold at the open, Hong Kong small caps bought; installed ten days later, both environments rejected',
      'sbi', '2025-03-21T21:00:00+09:00')
evenings(s, '2024-12-01T00:00:00+09:00', 110, 'nuro', MAC_SAFARI, hour=22, skip=0.3)
nuro = lambda: {'net': 'nuro', **MAC_SAFARI}
s.trade('buy', '1306', 'ＴＯＰＩＸ連動型上場投信', 300, 2850, account='NISA成長投資枠', ordered='2024-12-10T22:10:00+09:00', login=nuro())
s.trade('buy', '7974', '任天堂', 100, 9120, account='NISA成長投資枠', ordered='2025-01-14T22:20:00+09:00', login=nuro())
s.trade('buy', '8766', '東京海上ホールディングス', 200, 5410, account='特定', ordered='2025-02-04T22:05:00+09:00', login=nuro())
d1 = s.login('2025-03-11T01:12:00+09:00', ip=addr('chinanet', 11), **MAC_SAFARI)
for k, (sym, name, qty, price, acct) in enumerate([('1306', 'ＴＯＰＩＸ連動型上場投信', 300, 2790, 'NISA成長投資枠'),
                                                    ('7974', '任天堂', 100, 10250, 'NISA成長投資枠'),
                                                    ('8766', '東京海上ホールディングス', 200, 5530, '特定')]):
    s.trade('sell', sym, name, qty, price, account=acct, ordered=d1 + timedelta(minutes=6 + k))
d2 = s.login('2025-03-11T10:40:00+09:00', ip=addr('chinanet', 12), **MAC_SAFARI)
hk = s.trade('buy', '02599', '香港小型株Ｃ（架空）', 200000, 0.55, market='香港', currency='HKドル',
             at='2025-03-11T10:46:00+09:00', ordered='2025-03-11T10:45:00+09:00')
s.login('2025-03-21T20:58:00+09:00', mine=True, browse=20, net='nuro', **MAC_SAFARI)
s.login_page('2025-03-21T21:02:00+09:00', shown=40)
s.order_page('2025-03-21T21:03:00+09:00', 'inquiry', since='2025-03-07T00:00:00+09:00')
s.order_page('2025-03-21T21:04:00+09:00', 'history')
s.feedback('2025-03-21T21:10:00+09:00', 'not-mine', environment_of=iso(d1))
s.feedback('2025-03-21T21:11:00+09:00', 'not-mine', environment_of=iso(d2))
evenings(s, '2025-03-22T00:00:00+09:00', 14, 'nuro', MAC_SAFARI, hour=22)
s.login_page('2025-04-04T23:20:00+09:00', shown=30)
s.write({'alerts': [{'event': iso(d1), 'minSeverity': 'medium'}, {'event': iso(d2), 'minSeverity': 'medium'},
                    {'event': '2025-03-11T09:00:00+09:00', 'minSeverity': 'high'}, {'event': iso(hk['at']), 'minSeverity': 'high'}],
         'otherwiseAtMost': 'low',
         'case': {'notMine': [iso(d1), iso(d2), '2025-03-11T09:00:00+09:00', iso(hk['at'])],
                  'mine': ['2025-03-21T20:58:00+09:00', '2025-02-05T09:00:00+09:00']}})

# A5. SBI: the victim installs after the attack and loads a year of trades from the CSV (dates only);
#     the login history shows an Xserver VPS at lunchtime on a Tuesday, with the victim's Edge.
s = S('attack-coldstart-sbi-xserver-csv', 'attack',
      'SBI, found after the fact: an Xserver VPS logs in on a Tuesday at lunch with the victim\'s Edge, sells and buys a never-traded small cap with the proceeds; the victim installs two weeks later and loads the trade CSV (dates only)',
      'sbi', '2025-06-02T21:20:00+09:00')
EDGE = {'os': 'Windows', 'browser': 'Edge 136'}
evenings(s, '2025-03-01T00:00:00+09:00', 93, 'softbank-bb', EDGE, hour=20, skip=0.4)
sb = lambda: {'net': 'softbank-bb', **EDGE}
s.trade('buy', '2802', '味の素', 200, 5950, ordered='2025-03-05T20:30:00+09:00', login=sb())
s.trade('buy', '4502', '武田薬品工業', 300, 4210, account='NISA成長投資枠', ordered='2025-03-18T20:40:00+09:00', login=sb())
s.trade('buy', '8411', 'みずほフィナンシャルグループ', 300, 3720, ordered='2025-04-08T20:15:00+09:00', login=sb())
e1 = s.login('2025-05-20T13:10:00+09:00', ip=addr('xserver', 5), **EDGE)
for k, (sym, name, qty, price, acct) in enumerate([('2802', '味の素', 200, 3050, '特定'),
                                                    ('4502', '武田薬品工業', 300, 4330, 'NISA成長投資枠'),
                                                    ('8411', 'みずほフィナンシャルグループ', 300, 3640, '特定')]):
    s.trade('sell', sym, name, qty, price, account=acct, at=e1 + timedelta(minutes=5 + k), ordered=e1 + timedelta(minutes=4 + k))
pump = s.trade('buy', '9876', '国内小型株Ｄ（架空）', 40000, 52, at='2025-05-20T13:25:00+09:00', ordered='2025-05-20T13:24:00+09:00')
s.login('2025-06-02T21:18:00+09:00', mine=True, browse=20, net='softbank-bb', **EDGE)
s.login_page('2025-06-02T21:22:00+09:00', shown=40)
s.order_page('2025-06-02T21:25:00+09:00', 'history')
s.feedback('2025-06-02T21:30:00+09:00', 'not-mine', environment_of=iso(e1))
evenings(s, '2025-06-03T00:00:00+09:00', 14, 'softbank-bb', EDGE, hour=20)
s.login_page('2025-06-16T21:40:00+09:00', shown=30)
s.write({'alerts': [{'event': iso(e1), 'minSeverity': 'medium'}, {'event': '2025-05-20', 'minSeverity': 'high'}],
         'otherwiseAtMost': 'low',
         'case': {'notMine': [iso(e1), '2025-05-20'], 'mine': ['2025-06-02T21:18:00+09:00', '2025-03-06']}})

# =================================================================================================
# Attacks while the extension watches
# =================================================================================================

# A6. SBI: the attacker inside the user's session. The user is on the site from 21:02 (page views every
#     few minutes, an evening order at 21:08); at 21:14 a ConoHa VPS logs in with the same Windows
#     Chrome and places sell orders at 21:17–21:19 and a small-cap buy at 21:20, all executing at the
#     next open. The login history read at 21:31 shows the second session.
s = S('attack-inside-session-sbi-conoha', 'attack',
      'SBI: while the user is on the site placing an evening order, a ConoHa VPS with the same Windows Chrome logs in and places sells and a small-cap buy that execute at the next open',
      'sbi', '2025-02-03T21:00:00+09:00')
evenings(s, '2024-12-01T00:00:00+09:00', 100, 'ocn-home', WIN_CHROME, hour=21, skip=0.2)
ocn = lambda: {'net': 'ocn-home', **WIN_CHROME}
s.trade('buy', '6501', '日立製作所', 100, 3790, ordered='2025-01-15T21:20:00+09:00', login=ocn())
s.trade('buy', '8035', '東京エレクトロン', 100, 24100, account='NISA成長投資枠', ordered='2025-02-10T21:30:00+09:00', login=ocn())
s.trade('buy', '7011', '三菱重工業', 500, 2210, ordered='2025-02-25T21:15:00+09:00', login=ocn())
for c in ['2025-02-03T21:40:00+09:00', '2025-02-14T22:20:00+09:00', '2025-02-28T22:20:00+09:00']:
    s.login_page(c, shown=30)
user = s.login('2025-03-12T21:02:00+09:00', mine=True, browse=35, **ocn())
own = s.trade('buy', '9433', 'ＫＤＤＩ', 200, 2480, account='NISA成長投資枠', at='2025-03-13T09:14:00+09:00', ordered='2025-03-12T21:08:00+09:00')
x = s.login('2025-03-12T21:14:00+09:00', ip=addr('conoha', 3), **WIN_CHROME)
for k, (sym, name, qty, price, acct) in enumerate([('6501', '日立製作所', 100, 3650, '特定'),
                                                    ('8035', '東京エレクトロン', 100, 23150, 'NISA成長投資枠'),
                                                    ('7011', '三菱重工業', 500, 2305, '特定')]):
    s.trade('sell', sym, name, qty, price, account=acct, ordered=x + timedelta(minutes=3 + k))
bad = s.trade('buy', '3911', '国内小型株Ｅ（架空）', 30000, 128, ordered=x + timedelta(minutes=6))
s.login_page('2025-03-12T21:31:00+09:00', shown=30)
s.order_page('2025-03-12T21:32:00+09:00', 'inquiry', since='2025-03-01T00:00:00+09:00')
s.order_page('2025-03-13T20:30:00+09:00', 'inquiry', since='2025-03-01T00:00:00+09:00')
s.login('2025-03-13T20:28:00+09:00', mine=True, **ocn())
s.write({'alerts': [{'event': iso(x), 'minSeverity': 'high'}, {'event': '2025-03-13T09:00:00+09:00', 'minSeverity': 'high'}],
         'otherwiseAtMost': 'low',
         'case': {'notMine': [iso(x), '2025-03-13T09:00:00+09:00'], 'mine': [iso(user), iso(own['at'])]}})

# A7. 楽天証券: an account only ever used from the PC (this browser); the smartphone channel logs in at
#     03:12 and again at 10:30, and a Hong Kong small cap is bought at 10:42.
s = S('attack-rakuten-smartphone-0312', 'attack',
      '楽天証券: a PC-only account; the smartphone channel logs in at 03:12, again in the morning, and a Hong Kong small cap is bought',
      'rakuten', '2025-01-10T20:00:00+09:00')
for d in days('2024-10-01T00:00:00+09:00', 160):
    if R.random() < 0.7:
        s.login(at(d, R.choice([19, 20, 21]), R.randrange(0, 55)), mine=True, browse=10, channel='PC')
for c in ['2025-01-10T21:58:00+09:00', '2025-01-24T21:58:00+09:00', '2025-02-07T21:58:00+09:00', '2025-02-21T21:58:00+09:00']:
    s.login_page(c)
f1 = s.login('2025-02-26T03:12:00+09:00', channel='スマートフォン')
f2 = s.login('2025-02-26T10:30:00+09:00', channel='スマートフォン')
hk = s.trade('buy', '08129', '香港小型株Ｄ（架空）', 100000, 0.62, market='香港', currency='HKドル',
             at='2025-02-26T10:42:00+09:00', ordered='2025-02-26T10:41:00+09:00', order_no='20250226-000777')
s.login('2025-02-26T20:45:00+09:00', mine=True, browse=15, channel='PC')
s.login_page('2025-02-26T20:50:00+09:00')
s.order_page('2025-02-26T20:52:00+09:00', 'inquiry', since='2025-02-20T00:00:00+09:00')
s.write({'alerts': [{'event': iso(f1), 'minSeverity': 'high'}, {'event': iso(f2), 'minSeverity': 'medium'},
                    {'event': iso(hk['at']), 'minSeverity': 'high'}],
         'otherwiseAtMost': 'low', 'case': {'notMine': [iso(f1), iso(f2), iso(hk['at'])]}})

# A8. SBI: a slow password spray, one or two failures a night from a different network each night
#     (Tencent Cloud, Chinanet, PCCW, Vultr), then a success at 03:20 from Vultr with the user's browser.
s = S('attack-sbi-slow-spray', 'attack',
      'SBI: one or two failed logins a night for four nights, each night from another network abroad or in a cloud, then a success at 03:20 from Vultr Tokyo with the user\'s macOS Chrome',
      'sbi', '2025-03-01T21:00:00+09:00')
MAC_CHROME = {'os': 'macOS', 'browser': 'Chrome 135'}
evenings(s, '2025-01-15T00:00:00+09:00', 90, 'au-hikari', MAC_CHROME, hour=21, skip=0.25)
spray = [('2025-04-07T03:05:00+09:00', 'tencent-cloud'), ('2025-04-08T02:40:00+09:00', 'chinanet'),
         ('2025-04-08T02:52:00+09:00', 'chinanet'), ('2025-04-09T03:31:00+09:00', 'pccw-hk'),
         ('2025-04-10T02:55:00+09:00', 'vultr-tokyo')]
for t, net in spray:
    s.login(t, result='failure', ip=addr(net), os='Linux', browser='Chrome')
ok = s.login('2025-04-11T03:20:00+09:00', ip=addr('vultr-tokyo', 8), **MAC_CHROME)
for c in ['2025-03-10T21:58:00+09:00', '2025-03-25T21:58:00+09:00', '2025-04-07T21:58:00+09:00',
          '2025-04-08T21:58:00+09:00', '2025-04-09T21:58:00+09:00', '2025-04-10T21:58:00+09:00', '2025-04-11T21:58:00+09:00']:
    s.login('{}'.format(iso(D(c) - timedelta(minutes=6))), mine=True, net='au-hikari', **MAC_CHROME)
    s.login_page(c, shown=30)
s.write({'alerts': [{'event': spray[0][0], 'minSeverity': 'medium'}, {'event': iso(ok), 'minSeverity': 'high'}],
         'otherwiseAtMost': 'low', 'case': {'notMine': [iso(ok)]}})

# A9. 楽天証券: a user who never linked a service; 他社サービスからログイン appears at 02:10.
s = S('attack-rakuten-aggregator-never-linked', 'attack',
      '楽天証券: an account with no linked service for two years; a login by a linked service (他社サービスからログイン) appears at night',
      'rakuten', '2025-03-01T20:00:00+09:00')
for d in days('2025-01-05T00:00:00+09:00', 120):
    if R.random() < 0.6:
        s.login(at(d, 20, R.randrange(0, 55)), mine=True, browse=10, channel='PC')
    if d.weekday() == 2:
        s.login(at(d, 12, R.randrange(0, 40)), channel='iSPEED')
g = s.login('2025-04-15T02:10:00+09:00', channel='他社サービスからログイン')
s.login('2025-04-15T09:10:00+09:00', channel='他社サービスからログイン')
for c in ['2025-03-01T20:58:00+09:00', '2025-03-20T20:58:00+09:00', '2025-04-05T20:58:00+09:00', '2025-04-15T20:58:00+09:00', '2025-04-30T20:58:00+09:00']:
    s.login_page(c)
s.write({'alerts': [{'event': iso(g), 'minSeverity': 'medium'}], 'otherwiseAtMost': 'medium', 'maxAlerts': 1,
         'case': {'notMine': [iso(g)]}})

# A10. SBI: a Japanese VPS (SAKURA Internet, AS9371) at 14:02 on a weekday with the user's own
#      Windows Chrome; a never-traded small cap bought with the account's cash (no sell-off first).
s = S('attack-sbi-sakura-vps-pump', 'attack',
      'SBI: a SAKURA Internet VPS (AS9371) logs in at 14:02 on a weekday with the user\'s Windows Chrome and buys a never-traded small cap with a third of the account',
      'sbi', '2025-04-01T21:00:00+09:00')
evenings(s, '2025-03-01T00:00:00+09:00', 90, 'ocn-home', WIN_CHROME, hour=21, skip=0.2)
for sym, name, qty, price, day in [('7267', 'ホンダ', 500, 1380, '2025-03-04'), ('9101', '日本郵船', 300, 5050, '2025-03-11'),
                                  ('8316', '三井住友フィナンシャルグループ', 300, 3660, '2025-04-08')]:
    s.trade('buy', sym, name, qty, price, ordered=f'{day}T21:12:00+09:00', login=ocn())
v = s.login('2025-05-21T14:02:00+09:00', ip=addr('sakura-9371', 4), **WIN_CHROME)
buy = s.trade('buy', '4599', '国内小型株Ｆ（架空）', 25000, 98, at='2025-05-21T14:10:00+09:00', ordered='2025-05-21T14:09:00+09:00')
s.login('2025-05-21T21:04:00+09:00', mine=True, browse=10, **ocn())
for c in ['2025-04-01T21:58:00+09:00', '2025-04-20T21:58:00+09:00', '2025-05-21T21:10:00+09:00']:
    s.login_page(c, shown=30)
s.order_page('2025-05-21T21:12:00+09:00', 'inquiry', since='2025-05-01T00:00:00+09:00')
s.write({'alerts': [{'event': iso(v), 'minSeverity': 'medium'}, {'event': iso(buy['at']), 'minSeverity': 'high'}],
         'otherwiseAtMost': 'low', 'case': {'notMine': [iso(v), iso(buy['at'])]}})

# A11. SBI: a login from Rakuten Mobile (a network in Japan new to the user) at 08:50 with the user's
#      Windows Chrome; two of five holdings sold at the open and a never-traded small cap bought with
#      a third of the account, less than half of the proceeds.
s = S('attack-sbi-pump-below-half', 'attack',
      'SBI: a login at 08:50 from a Japanese mobile network new to the user, with the user\'s Windows Chrome; two holdings sold at the open and a small cap bought with a third of the account (below half of the proceeds)',
      'sbi', '2025-03-03T21:00:00+09:00')
evenings(s, '2025-02-01T00:00:00+09:00', 90, 'ocn-home', WIN_CHROME, hour=21, skip=0.2)
for sym, name, qty, price, day in [('7203', 'トヨタ自動車', 500, 2710, '2025-02-04'), ('6758', 'ソニーグループ', 300, 3500, '2025-02-12'),
                                  ('8058', '三菱商事', 400, 2480, '2025-02-19'), ('9432', '日本電信電話', 5000, 150, '2025-03-04'),
                                  ('4502', '武田薬品工業', 200, 4300, '2025-03-12')]:
    s.trade('buy', sym, name, qty, price, ordered=f'{day}T21:12:00+09:00', login=ocn())
m = s.login('2025-04-22T08:50:00+09:00', ip=addr('rakuten-mobile', 6), **WIN_CHROME)
s.trade('sell', '7203', 'トヨタ自動車', 500, 2620, ordered='2025-04-22T08:55:00+09:00')
s.trade('sell', '6758', 'ソニーグループ', 300, 3390, ordered='2025-04-22T08:56:00+09:00')
pb = s.trade('buy', '2158', '国内小型株Ｇ（架空）', 12000, 93, at='2025-04-22T09:31:00+09:00', ordered='2025-04-22T09:30:00+09:00')
s.login('2025-04-22T21:05:00+09:00', mine=True, browse=10, **ocn())
for c in ['2025-03-03T21:58:00+09:00', '2025-03-25T21:58:00+09:00', '2025-04-10T21:58:00+09:00', '2025-04-22T21:10:00+09:00']:
    s.login_page(c, shown=30)
s.order_page('2025-04-22T21:12:00+09:00', 'inquiry', since='2025-04-01T00:00:00+09:00')
s.write({'alerts': [{'event': iso(m), 'minSeverity': 'medium'}, {'event': '2025-04-22T09:00:00+09:00', 'minSeverity': 'high'},
                    {'event': iso(pb['at']), 'minSeverity': 'high'}],
         'otherwiseAtMost': 'low', 'case': {'notMine': [iso(m), iso(pb['at'])]}})

# A12. 楽天証券: a PC login at 02:20 (the user's PC logins are in the evening), consent to electronic
#      documents at 02:24, the e-mail address and the withdrawal bank account changed at 02:27–02:31.
s = S('attack-rakuten-night-documents-withdrawal', 'attack',
      '楽天証券: a PC login at 02:20 that this browser did not make; consent to electronic documents, a new e-mail address and a new withdrawal bank account within ten minutes',
      'rakuten', '2025-04-01T20:00:00+09:00')
for d in days('2025-01-10T00:00:00+09:00', 130):
    if R.random() < 0.65:
        s.login(at(d, R.choice([20, 21]), R.randrange(0, 55)), mine=True, browse=10, channel='PC')
n1 = s.login('2025-05-13T02:20:00+09:00', channel='PC')
chg = [('2025-05-13T02:24:00+09:00', '電子交付サービスへの同意'), ('2025-05-13T02:27:00+09:00', 'メールアドレスの変更'),
       ('2025-05-13T02:31:00+09:00', '出金先口座の変更')]
for c in ['2025-04-01T20:58:00+09:00', '2025-04-20T20:58:00+09:00', '2025-05-13T20:58:00+09:00']:
    s.login_page(c)
s.login('2025-05-13T20:50:00+09:00', mine=True, browse=15, channel='PC')
s.changes_page('2025-05-13T21:02:00+09:00', [{'at': t, 'item': item, 'channel': 'PC'} for t, item in chg])
s.write({'alerts': [{'event': iso(n1), 'minSeverity': 'medium'}] + [{'event': t, 'minSeverity': 'high'} for t, _ in chg],
         'otherwiseAtMost': 'low', 'case': {'notMine': [iso(n1)] + [t for t, _ in chg]}})

# =================================================================================================
# Ordinary life
# =================================================================================================

def ordinary(s, start, n, net, fields, phone_net=None, phone=IOS, hour=21):
    """Evenings from this browser at home, the phone at lunch on some weekdays."""
    for d in days(start, n):
        if R.random() < 0.75:
            s.login(at(d, hour, R.randrange(0, 50)), mine=True, browse=15, net=net, **fields)
        if phone_net and d.weekday() < 5 and R.random() < 0.35:
            s.login(at(d, 12, R.randrange(5, 50)), net=phone_net, **phone)


def weekly_pages(s, start, n, shown=30, hour=22, minute=40, away=()):
    """The login history read once a week in an evening session (from home, or wherever the laptop is)."""
    for d in days(start, n)[::7]:
        t = at(d, hour, minute, 0)
        if any(D(a) <= t < D(b) for a, b in away):
            continue
        recent = [l for l in s.logins if l.get('mine') and t - timedelta(minutes=40) <= l['at'] <= t]
        if not recent:
            s.login(t - timedelta(minutes=4), mine=True, browse=5, **s.home)
        s.login_page(iso(t), shown=shown)


# B1. SBI: a week in Hawaii with the phone only (hotel wifi, then T-Mobile); the first login there is
#     answered "this was me" the next morning: one alert for the whole trip.
s = S('benign-sbi-trip-hawaii-phone', 'benign',
      'SBI: a week in Honolulu with the iPhone only (hotel wifi, a US mobile network); the first alert is answered "this was me": one alert for the whole trip',
      'sbi', '2025-05-01T21:00:00+09:00')
s.home = {'net': 'ocn-home', **WIN_CHROME}
ordinary(s, '2025-01-06T00:00:00+09:00', 195, 'ocn-home', WIN_CHROME, phone_net='docomo-mobile')
trip = []
for i, d in enumerate(days('2025-07-19T00:00:00+09:00', 8)):
    net = 'hawaiian-telcom' if i % 3 else 't-mobile-us'
    trip.append(s.login(at(d, R.choice([3, 4, 5]), R.randrange(0, 50)), ip=addr(net, 100 + i), **IOS))
s.logins = [l for l in s.logins if not (D('2025-07-19T00:00:00+09:00') <= l['at'] < D('2025-07-27T00:00:00+09:00') and l.get('mine'))]
s.visits = [v for v in s.visits if not (D('2025-07-19T00:00:00+09:00') <= v < D('2025-07-27T00:00:00+09:00'))]
weekly_pages(s, '2025-05-01T00:00:00+09:00', 95, away=[('2025-07-19T00:00:00+09:00', '2025-07-27T00:00:00+09:00')])
s.login('2025-07-27T22:30:00+09:00', mine=True, browse=20, net='ocn-home', **WIN_CHROME)
s.login_page('2025-07-27T22:36:00+09:00', shown=30)
s.feedback('2025-07-27T22:45:00+09:00', 'mine', event=iso(trip[0]))
s.write({'alerts': [], 'otherwiseAtMost': 'medium', 'maxAlerts': 1, 'case': {'mine': [iso(t) for t in trip]}})

# B2. SBI: the laptop (this browser) on a trip to Taipei: hotel wifi on HiNet, every login followed
#     by this browser's page views.
s = S('benign-sbi-trip-laptop-taipei', 'benign',
      'SBI: five days in Taipei with the laptop this browser runs on (hotel wifi on HiNet)',
      'sbi', '2025-06-01T21:00:00+09:00')
s.home = {'net': 'softbank-bb', **MAC_CHROME}
ordinary(s, '2025-03-01T00:00:00+09:00', 200, 'softbank-bb', MAC_CHROME, phone_net='softbank-mobile')
for i, d in enumerate(days('2025-09-12T00:00:00+09:00', 5)):
    s.login(at(d, 22, R.randrange(0, 50)), mine=True, browse=15, ip=addr('chunghwa-tw', 200 + i), **MAC_CHROME)
weekly_pages(s, '2025-06-01T00:00:00+09:00', 110)
s.write({'alerts': [], 'otherwiseAtMost': 'low'})

# B3. SBI: from an Android phone to a new iPhone; the first iPhone login is answered "this was me".
s = S('benign-sbi-new-iphone', 'benign',
      'SBI: the user replaces an Android phone with an iPhone; the first iPhone login is answered "this was me"',
      'sbi', '2025-04-01T21:00:00+09:00')
s.home = {'net': 'au-hikari', **WIN_CHROME}
ANDROID = {'os': 'Android', 'browser': 'Chrome'}
ordinary(s, '2025-01-06T00:00:00+09:00', 165, 'au-hikari', WIN_CHROME, phone_net='au-mobile', phone=ANDROID)
s.logins = [l for l in s.logins if not (l.get('os') == 'Android' and l['at'] >= D('2025-06-20T00:00:00+09:00'))]
first_ios = None
for d in days('2025-06-20T00:00:00+09:00', 45):
    if d.weekday() < 5 and R.random() < 0.5:
        t = s.login(at(d, 12, R.randrange(5, 50)), net='au-mobile', **IOS)
        first_ios = first_ios or t
weekly_pages(s, '2025-04-01T00:00:00+09:00', 95)
first_capture = min(st[0] for st in s.steps if st[2]['type'] == 'logins' and st[0] > first_ios)
s.feedback(iso(first_capture + timedelta(minutes=10)), 'mine', event=iso(first_ios))
s.write({'alerts': [], 'otherwiseAtMost': 'medium', 'maxAlerts': 1})

# B4. SBI: the user tries Edge for two weeks on the same PC, without the extension there; the first
#     Edge login is answered "this was me"; then back to Chrome.
s = S('benign-sbi-tries-edge', 'benign',
      'SBI: two weeks of Edge on the same PC (the extension stays in Chrome); the first Edge login is answered "this was me"',
      'sbi', '2025-02-01T21:00:00+09:00')
s.home = {'net': 'ocn-home', **WIN_CHROME}
ordinary(s, '2024-12-01T00:00:00+09:00', 180, 'ocn-home', WIN_CHROME)
s.logins = [l for l in s.logins if not (D('2025-04-07T00:00:00+09:00') <= l['at'] < D('2025-04-21T00:00:00+09:00'))]
s.visits = [v for v in s.visits if not (D('2025-04-07T00:00:00+09:00') <= v < D('2025-04-21T00:00:00+09:00'))]
edge = [s.login(at(d, 21, R.randrange(0, 50)), net='ocn-home', os='Windows', browser='Edge 135')
        for d in days('2025-04-07T00:00:00+09:00', 14) if R.random() < 0.8]
weekly_pages(s, '2025-02-01T00:00:00+09:00', 145)
s.feedback('2025-04-12T22:55:00+09:00', 'mine', event=iso(edge[0]))
s.write({'alerts': [], 'otherwiseAtMost': 'medium', 'maxAlerts': 1})

# B5. 楽天証券: year-end tax-loss selling ordered on Friday evening 12/27 from this browser, executed at
#     the 12/30 open; the January NISA buy ordered on Sunday 1/5, executed at the 1/6 open. The order
#     inquiry shows the order times, the trade history only the dates; iSPEED checked on the mornings.
s = S('benign-rakuten-evening-orders-year-end', 'benign',
      '楽天証券: tax-loss selling ordered on the evening of 12/27 and a January NISA buy ordered on Sunday 1/5, from this browser, executed at the next opens; the trade history shows dates only',
      'rakuten', '2024-11-01T20:00:00+09:00')
for d in days('2024-07-01T00:00:00+09:00', 200):
    if R.random() < 0.55:
        s.login(at(d, R.choice([20, 21]), R.randrange(0, 50)), mine=True, browse=10, channel='PC')
    if d.weekday() < 5 and R.random() < 0.4:
        s.login(at(d, 8, R.randrange(30, 55)), channel='iSPEED')
for sym, name, qty, price, day in [('4755', '楽天グループ', 300, 1050, '2024-07-10'), ('9434', 'ソフトバンク', 1000, 210, '2024-08-06'),
                                  ('6723', 'ルネサスエレクトロニクス', 200, 2890, '2024-09-11')]:
    s.trade('buy', sym, name, qty, price, ordered=f'{day}T20:40:00+09:00', login={'channel': 'PC'})
s.login('2024-12-27T21:05:00+09:00', mine=True, browse=20, channel='PC')
for k, (sym, name, qty, price) in enumerate([('4755', '楽天グループ', 300, 905), ('6723', 'ルネサスエレクトロニクス', 200, 2010)]):
    s.trade('sell', sym, name, qty, price, ordered=f'2024-12-27T21:1{k}:00+09:00', order_no=f'20241227-00123{k}')
s.login('2024-12-30T08:45:00+09:00', channel='iSPEED')
s.login('2025-01-05T20:25:00+09:00', mine=True, browse=15, channel='PC')
s.trade('buy', '1306', 'ＴＯＰＩＸ連動型上場投信', 100, 2760, account='NISA成長投資枠', ordered='2025-01-05T20:31:00+09:00',
        order_no='20250105-000041')
s.login('2025-01-06T08:50:00+09:00', channel='iSPEED')
for c in ['2024-11-01T20:58:00+09:00', '2024-12-01T20:58:00+09:00', '2024-12-30T20:30:00+09:00', '2025-01-06T20:30:00+09:00', '2025-01-20T20:30:00+09:00']:
    s.login(iso(D(c) - timedelta(minutes=5)), mine=True, browse=5, channel='PC')
    s.login_page(c)
s.order_page('2024-12-27T21:30:00+09:00', 'inquiry', since='2024-12-20T00:00:00+09:00')
s.order_page('2024-12-30T20:35:00+09:00', 'inquiry', since='2024-12-20T00:00:00+09:00')
s.order_page('2024-12-30T20:36:00+09:00', 'history')
s.order_page('2025-01-06T20:35:00+09:00', 'inquiry', since='2025-01-01T00:00:00+09:00')
s.order_page('2025-01-20T20:36:00+09:00', 'history')
s.write({'alerts': [], 'otherwiseAtMost': 'low',
         'case': {'mine': ['2024-12-30T09:00:00+09:00', '2025-01-06T09:00:00+09:00']}})

# B6. SBI: a first Hong Kong buy, five board lots (2,000 shares each) of a HK$0.9 large cap, about
#     ¥170,000, from this browser; more lots later from the phone.
s = S('benign-sbi-hk-board-lots', 'benign',
      'SBI: a first Hong Kong buy from this browser, five board lots of a HK$0.9 large cap (about ¥170,000), then one more lot from the phone',
      'sbi', '2025-05-01T21:00:00+09:00')
s.home = {'net': 'nuro', **MAC_SAFARI}
ordinary(s, '2025-02-01T00:00:00+09:00', 150, 'nuro', MAC_SAFARI, phone_net='docomo-mobile')
for sym, name, qty, price, day in [('8591', 'オリックス', 100, 3300, '2025-02-12'), ('9433', 'ＫＤＤＩ', 200, 2500, '2025-03-18')]:
    s.trade('buy', sym, name, qty, price, ordered=f'{day}T21:14:00+09:00', login={'net': 'nuro', **MAC_SAFARI})
s.login('2025-06-11T10:31:00+09:00', mine=True, browse=15, net='nuro', **MAC_SAFARI)
hk = s.trade('buy', '03988', '香港大型株Ａ（架空）', 10000, 0.9, market='香港', currency='HKドル',
             at='2025-06-11T10:40:00+09:00', ordered='2025-06-11T10:39:00+09:00')
s.login('2025-06-18T12:20:00+09:00', net='docomo-mobile', **IOS)
s.trade('buy', '03988', '香港大型株Ａ（架空）', 2000, 0.92, market='香港', currency='HKドル',
        at='2025-06-18T14:05:00+09:00', ordered='2025-06-18T12:24:00+09:00')
weekly_pages(s, '2025-05-01T00:00:00+09:00', 75)
s.order_page('2025-06-11T21:30:00+09:00', 'inquiry', since='2025-06-01T00:00:00+09:00')
s.order_page('2025-06-18T21:30:00+09:00', 'inquiry', since='2025-06-01T00:00:00+09:00')
s.write({'alerts': [], 'otherwiseAtMost': 'low', 'case': {'mine': [iso(hk['at'])]}})

# B7. 楽天証券: the user links a budgeting app (マネーフォワード) for the first time; its first login is
#     answered "this was me" and its logins three times a day stay quiet.
s = S('benign-rakuten-links-aggregator', 'benign',
      '楽天証券: the user links a budgeting app for the first time; its first login (他社サービスからログイン) is answered "this was me"',
      'rakuten', '2025-02-01T20:00:00+09:00')
for d in days('2024-12-01T00:00:00+09:00', 150):
    if R.random() < 0.6:
        s.login(at(d, 20, R.randrange(0, 55)), mine=True, browse=10, channel='PC')
    if d.weekday() in (1, 4):
        s.login(at(d, 12, R.randrange(0, 40)), channel='iSPEED')
    if d >= D('2025-03-10T00:00:00+09:00'):
        for h in (4, 10, 16):
            s.login(d.replace(hour=h, minute=5), channel='他社サービスからログイン')
for c in [d for d in days('2025-02-01T00:00:00+09:00', 118)[::6]]:
    t = at(c, 22, 30, 0)
    s.login(iso(t - timedelta(minutes=4)), mine=True, browse=5, channel='PC')
    s.login_page(iso(t))
s.feedback('2025-03-10T22:45:00+09:00', 'mine', event='2025-03-10T04:05:00+09:00')
s.write({'alerts': [], 'otherwiseAtMost': 'medium', 'maxAlerts': 1})

# B8. SBI, installed with two years of history: the home PC, an iPhone, and a Pixel bought ten days
#     before installation; US ETFs and domestic stocks over the years.
s = S('benign-sbi-coldstart-long-history', 'benign',
      'SBI: installed with two years of ordinary history (home PC, an iPhone, a Pixel bought ten days earlier, US ETFs and domestic stocks): nothing to flag in the first review',
      'sbi', '2025-05-12T21:00:00+09:00')
s.home = {'net': 'ocn-home', **WIN_CHROME}
ordinary(s, '2023-05-15T00:00:00+09:00', 730, 'ocn-home', WIN_CHROME, phone_net='docomo-mobile')
s.logins = [l for l in s.logins if not (l.get('os') == 'iOS' and l['at'] >= D('2025-05-02T00:00:00+09:00'))]
for d in days('2025-05-02T00:00:00+09:00', 50):
    if R.random() < 0.7:
        s.login(at(d, R.choice([7, 12, 18]), R.randrange(0, 50)), net='docomo-mobile', os='Android', browser='Chrome')
for i, d in enumerate(days('2023-06-13T00:00:00+09:00', 700)[::30]):
    t = d.replace(hour=23, minute=45, second=0)
    while t.weekday() >= 5:
        t += timedelta(days=1)
    s.trade('buy', ['VTI', 'VOO', 'QQQ'][i % 3], 'ETF', 2 + i % 4, [250, 480, 440][i % 3] + i, market='NYSE Arca', currency='米ドル',
            account='NISA成長投資枠', at=t, ordered=t - timedelta(minutes=30), login={'net': 'ocn-home', **WIN_CHROME})
for sym, name, qty, price, day in [('8306', '三菱ＵＦＪフィナンシャル・グループ', 500, 1250, '2024-02-06'), ('7203', 'トヨタ自動車', 100, 3300, '2024-09-10'),
                                  ('8306', '三菱ＵＦＪフィナンシャル・グループ', 500, 1680, '2025-03-04')]:
    s.trade('buy' if day != '2025-03-04' else 'sell', sym, name, qty, price, ordered=f'{day}T21:20:00+09:00',
            login={'net': 'ocn-home', **WIN_CHROME})
s.login('2025-05-12T20:58:00+09:00', mine=True, browse=20, net='ocn-home', **WIN_CHROME)
s.login_page('2025-05-12T21:02:00+09:00', shown=50)
s.order_page('2025-05-12T21:05:00+09:00', 'history')
weekly_pages(s, '2025-05-19T00:00:00+09:00', 40)
s.write({'alerts': [], 'otherwiseAtMost': 'low'})

# B9. 楽天証券: back after eight months without a login; the first login is this browser's, then the
#     iSPEED app the next days; the app's first login is answered "this was me" and later ones stay quiet.
s = S('benign-rakuten-back-after-break', 'benign',
      '楽天証券: back after eight months; the first login from this browser, then the app, whose first login is answered "this was me"',
      'rakuten', '2025-03-03T20:00:00+09:00')
for d in days('2024-01-10T00:00:00+09:00', 200):
    if R.random() < 0.5:
        s.login(at(d, 20, R.randrange(0, 50)), channel='PC')
    if d.weekday() in (0, 3):
        s.login(at(d, 12, R.randrange(0, 40)), channel='iSPEED')
back = s.login('2025-03-03T20:10:00+09:00', mine=True, browse=20, channel='PC')
s.login_page('2025-03-03T20:20:00+09:00', shown=60)
app1 = s.login('2025-03-04T12:15:00+09:00', channel='iSPEED')
for d in days('2025-03-05T00:00:00+09:00', 40):
    if d.weekday() in (0, 3):
        s.login(at(d, 12, R.randrange(0, 40)), channel='iSPEED')
    if R.random() < 0.5:
        s.login(at(d, 20, R.randrange(0, 50)), mine=True, browse=10, channel='PC')
for c in ['2025-03-04T21:30:00+09:00', '2025-03-10T21:30:00+09:00', '2025-03-18T21:30:00+09:00', '2025-04-01T21:30:00+09:00', '2025-04-12T21:30:00+09:00']:
    s.login(iso(D(c) - timedelta(minutes=5)), mine=True, browse=5, channel='PC')
    s.login_page(c, shown=60)
s.feedback('2025-03-04T21:40:00+09:00', 'mine', event=iso(app1))
s.write({'alerts': [], 'otherwiseAtMost': 'medium', 'maxAlerts': 1, 'case': {'mine': [iso(back), iso(app1)]}})

# B10. 楽天証券: trades in the iSPEED app during the day, reads the order inquiry on the PC at night.
s = S('benign-rakuten-app-trader', 'benign',
      '楽天証券: trades in the iSPEED app during market hours, reads the order inquiry from this browser in the evening',
      'rakuten', '2025-02-03T20:00:00+09:00')
for d in days('2024-11-01T00:00:00+09:00', 180):
    if R.random() < 0.5:
        s.login(at(d, 20, R.randrange(0, 50)), mine=True, browse=10, channel='PC')
syms = [('6098', 'リクルートホールディングス'), ('4063', '信越化学工業'), ('8035', '東京エレクトロン'), ('6857', 'アドバンテスト'), ('9983', 'ファーストリテイリング')]
for i, d in enumerate(days('2024-11-04T00:00:00+09:00', 175)[::4]):
    if not jp_trading_day(d):
        continue
    t = s.login(at(d, 10, R.randrange(0, 30)), channel='iSPEED')
    sym, name = syms[i % len(syms)]
    s.trade('buy' if i % 3 else 'sell', sym, name, 100, 3000 + 10 * i, at=t + timedelta(minutes=3), ordered=t + timedelta(minutes=2))
for d in days('2025-02-03T00:00:00+09:00', 120)[::5]:
    t = at(d, 21, 30, 0)
    s.login(iso(t - timedelta(minutes=4)), mine=True, browse=5, channel='PC')
    s.login_page(iso(t))
    s.order_page(iso(t + timedelta(minutes=2)), 'inquiry', since=iso(t - timedelta(days=7)))
s.write({'alerts': [], 'otherwiseAtMost': 'low'})

# B11. SBI: installed, then a year of the trade CSV loaded (dates only): own trades, including a
#      rebalancing that sold three holdings in one day six months earlier.
s = S('benign-sbi-csv-year', 'benign',
      'SBI: a year of trades loaded from the CSV after installation (dates only), a rebalancing that sold three holdings in one day included',
      'sbi', '2025-06-02T21:00:00+09:00')
s.home = {'net': 'iij' if False else 'softbank-bb', **WIN_CHROME}
ordinary(s, '2025-04-01T00:00:00+09:00', 150, 'softbank-bb', WIN_CHROME)
book = [('7203', 'トヨタ自動車', 300, 2900), ('6758', 'ソニーグループ', 200, 3200), ('8058', '三菱商事', 300, 2600), ('9432', '日本電信電話', 3000, 160)]
for i, (sym, name, qty, price) in enumerate(book):
    s.trade('buy', sym, name, qty, price, at=f'2024-06-1{i}T09:0{i}:00+09:00')
for i, (sym, name, qty, price) in enumerate(book[:3]):
    s.trade('sell', sym, name, qty, int(price * 1.1), at=f'2024-12-0{3}T09:1{i}:00+09:00')
s.trade('buy', '1306', 'ＴＯＰＩＸ連動型上場投信', 300, 2700, account='NISA成長投資枠', at='2025-01-07T09:05:00+09:00')
s.trade('buy', '2558', 'ＭＡＸＩＳ米国株式（Ｓ＆Ｐ５００）上場投信', 50, 24000, account='NISA成長投資枠', at='2025-04-08T09:05:00+09:00')
s.login('2025-06-02T20:58:00+09:00', mine=True, browse=20, net='softbank-bb', **WIN_CHROME)
s.login_page('2025-06-02T21:01:00+09:00', shown=40)
s.order_page('2025-06-02T21:10:00+09:00', 'history')
weekly_pages(s, '2025-06-09T00:00:00+09:00', 70)
s.write({'alerts': [], 'otherwiseAtMost': 'low'})

# B12. SBI: the iPhone on the home wifi while the PC is on the site; a new iPad's first login on the
#      home wifi during a PC session is answered "this was me".
s = S('benign-sbi-phone-while-at-pc', 'benign',
      'SBI: the iPhone on the home wifi while this browser is on the site; a new iPad\'s first login, also at home during a PC session, is answered "this was me"',
      'sbi', '2025-03-01T21:00:00+09:00')
s.home = {'net': 'ocn-home', **WIN_CHROME}
ordinary(s, '2025-01-06T00:00:00+09:00', 160, 'ocn-home', WIN_CHROME, phone_net='docomo-mobile')
for d in days('2025-03-03T00:00:00+09:00', 60)[::3]:
    t = s.login(at(d, 21, 5), mine=True, browse=30, net='ocn-home', **WIN_CHROME)
    s.login(t + timedelta(minutes=12), net='ocn-home', **IOS)
ipad = s.login('2025-05-06T21:18:00+09:00', net='ocn-home', os='iPadOS', browser='Safari', device='iPad')
s.login('2025-05-06T21:06:00+09:00', mine=True, browse=30, net='ocn-home', **WIN_CHROME)
weekly_pages(s, '2025-03-01T00:00:00+09:00', 110)
s.feedback('2025-05-06T22:30:00+09:00', 'mine', event=iso(ipad))
s.write({'alerts': [], 'otherwiseAtMost': 'medium', 'maxAlerts': 1})
print('ok')
