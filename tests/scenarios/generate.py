#!/usr/bin/env python3
# Regenerates the project scenarios in this folder: python3 tests/scenarios/generate.py
# Generator for tests/scenarios/*.json (scenario/1). Addresses are invented;
# they are chosen inside real Japanese ISP / carrier / VPN blocks so that the
# bundled country and hosting tables see what they would see for real users.
import json, os, random
from datetime import datetime, timedelta, timezone
JST = timezone(timedelta(hours=9))
def iso(d): return d.astimezone(JST).isoformat(timespec='seconds')
def D(s): return datetime.fromisoformat(s)

def build(id, kind, title, broker, logins, install, captures, orders=(), order_captures=(), feedback=(), expect=None, shown=30):
    install = D(install)
    steps = []
    for l in logins:
        if l.get('mine') and l['at'] >= install - timedelta(minutes=2):
            steps.append(('visit', l['at'] + timedelta(seconds=60), None))
    for c in captures:
        c = D(c)
        rows = [l for l in logins if l['at'] <= c][-shown:]
        steps.append(('visit', c - timedelta(seconds=30), None))
        steps.append(('logins', c, [{k: (iso(v) if k == 'at' else v) for k, v in l.items() if k != 'mine'} for l in rows]))
    for c in order_captures:
        c = D(c)
        rows = [o for o in orders if o['at'] <= c]
        steps.append(('orders', c, [{k: (iso(v) if k == 'at' else v) for k, v in o.items()} for o in rows]))
    for f in feedback:
        steps.append(('feedback', D(f['at']), f))
    steps.sort(key=lambda s: (s[1], {'visit': 0, 'logins': 1, 'orders': 2, 'feedback': 3}[s[0]]))
    out = []
    seen_visit = set()
    for t, at, data in steps:
        if t == 'visit':
            k = iso(at)[:16]
            if k in seen_visit: continue
            seen_visit.add(k)
            out.append({'type': 'visit', 'at': iso(at)})
        elif t in ('logins', 'orders'):
            out.append({'type': t, 'at': iso(at), 'rows': data})
        else:
            out.append({'type': 'feedback', 'at': iso(at), 'event': data['event'], 'verdict': data['verdict']})
    doc = {'format': 'scenario/1', 'id': id, 'kind': kind, 'title': title, 'broker': broker, 'steps': out, 'expect': expect}
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), f'{id}.json'), 'w', encoding='utf-8') as fh:
        json.dump(doc, fh, ensure_ascii=False, indent=1)
        fh.write('\n')

def days(start, n):
    d0 = D(start)
    return [d0 + timedelta(days=i) for i in range(n)]

R = random.Random(7)
def at(day, h, m): return day.replace(hour=h, minute=m, second=R.randrange(60))

# 1. Mobile carriers with CGNAT churn: phone (iOS Safari) on docomo / au / SoftBank
#    mobile addresses that change nearly every login; home PC is this browser.
mob = ['1.66.{}.{}', '1.72.{}.{}', '49.96.{}.{}', '49.104.{}.{}', '110.163.{}.{}', '106.128.{}.{}', '106.133.{}.{}', '182.248.{}.{}', '126.253.{}.{}', '1.75.{}.{}']
logins = []
for d in days('2025-01-01T00:00:00+09:00', 100):
    logins.append({'at': at(d, 21, R.randrange(0, 50)), 'ip': f'153.242.{R.randrange(64, 72)}.{R.randrange(1, 250)}', 'os': 'Windows', 'browser': f'Chrome {130 + d.timetuple().tm_yday // 30}', 'mine': True})
    if R.random() < 0.8:
        logins.append({'at': at(d, R.choice([7, 8, 12, 18]), R.randrange(0, 59)), 'ip': R.choice(mob).format(R.randrange(0, 255), R.randrange(1, 250)), 'os': 'iOS', 'browser': 'Safari'})
for t in ('2025-01-10T12:27:00+09:00', '2025-03-03T12:36:00+09:00', '2025-03-21T07:49:00+09:00'):
    logins.append({'at': D(t), 'ip': R.choice(mob).format(R.randrange(0, 255), R.randrange(1, 250)), 'os': 'iOS', 'browser': 'Safari'})
logins.sort(key=lambda l: l['at'])
caps = [iso(l['at'] + timedelta(minutes=5)) for l in logins if l.get('mine') and l['at'] >= D('2025-02-15T00:00:00+09:00')][::3]
orders = [
    {'at': D('2025-01-10T12:31:00+09:00'), 'side': 'buy', 'market': '東証', 'symbol': '9432', 'name': '日本電信電話', 'quantity': 100, 'price': 152, 'currency': '円', 'account': 'NISA成長投資枠'},
    {'at': D('2025-03-03T12:40:00+09:00'), 'side': 'buy', 'market': '東証', 'symbol': '8306', 'name': '三菱ＵＦＪフィナンシャル・グループ', 'quantity': 100, 'price': 1890, 'currency': '円', 'account': '特定'},
    {'at': D('2025-03-21T07:52:00+09:00'), 'side': 'sell', 'market': '東証', 'symbol': '9432', 'name': '日本電信電話', 'quantity': 100, 'price': 160, 'currency': '円', 'account': 'NISA成長投資枠'},
]
build('benign-sbi-mobile-cgnat', 'benign', 'SBI: phone on docomo/au/SoftBank mobile networks (CGNAT, a new address almost every login) and trades from the phone; home PC is this browser', 'sbi',
      logins, '2025-02-15T00:00:00+09:00', caps, orders, ['2025-02-15T21:55:00+09:00', '2025-03-05T22:10:00+09:00', '2025-03-25T22:10:00+09:00'],
      expect={'alerts': [], 'otherwiseAtMost': 'low'})

# 2. A second PC: the office PC (same Chrome on Windows) at lunch on weekdays from the
#    office network; later the office moves to a new provider.
logins = []
for d in days('2025-01-06T00:00:00+09:00', 90):
    logins.append({'at': at(d, 22, R.randrange(0, 40)), 'ip': f'126.{R.choice([33, 55, 106])}.{R.randrange(0, 255)}.{R.randrange(1, 250)}', 'os': 'Windows', 'browser': 'Chrome 134', 'mine': True})
    if d.weekday() < 5 and R.random() < 0.7:
        net = '210.160.{}.{}' if d < D('2025-03-10T00:00:00+09:00') else '114.160.{}.{}'
        logins.append({'at': at(d, 12, R.randrange(10, 50)), 'ip': net.format(R.randrange(10, 12), R.randrange(1, 250)), 'os': 'Windows', 'browser': 'Chrome 133'})
logins.sort(key=lambda l: l['at'])
caps = [iso(l['at'] + timedelta(minutes=5)) for l in logins if l.get('mine') and l['at'] >= D('2025-02-10T00:00:00+09:00')][::3]
build('benign-sbi-second-pc', 'benign', 'SBI: a home PC (this browser) and an office PC with the same Chrome on Windows; the office later changes network', 'sbi',
      logins, '2025-02-10T00:00:00+09:00', caps, expect={'alerts': [], 'otherwiseAtMost': 'low'})

# 3. A VPN user: commercial VPN (M247 exits) in Japan, Singapore, the US from this
#    browser and the phone; later a German exit from this browser (low), answered "mine",
#    then German exits again (quiet).
exits = {'JP': '151.241.205.{}', 'SG': '103.55.11.{}', 'US': '23.230.126.{}', 'DE': '104.164.106.{}', 'GB': '103.216.198.{}'}
logins = []
for i, d in enumerate(days('2025-01-01T00:00:00+09:00', 80)):
    cc = R.choice(['JP', 'JP', 'SG', 'US']) if d < D('2025-03-01T00:00:00+09:00') else R.choice(['JP', 'DE'])
    logins.append({'at': at(d, 20, R.randrange(0, 50)), 'ip': exits[cc].format(R.randrange(2, 250)), 'os': 'macOS', 'browser': 'Firefox', 'mine': True})
    if i % 4 == 0:
        logins.append({'at': at(d, 8, R.randrange(0, 50)), 'ip': exits[R.choice(['JP', 'SG'])].format(R.randrange(2, 250)), 'os': 'iOS', 'browser': 'Safari'})
logins.append({'at': D('2025-03-12T07:41:10+09:00'), 'ip': exits['GB'].format(77), 'os': 'iOS', 'browser': 'Safari'})
logins.sort(key=lambda l: l['at'])
first_de = next(l for l in logins if l['ip'].startswith('104.164'))
caps = [iso(l['at'] + timedelta(minutes=5)) for l in logins if l.get('mine') and l['at'] >= D('2025-02-01T00:00:00+09:00')][::2]
build('benign-sbi-vpn-user', 'benign', 'SBI: a VPN user whose exits move between countries; a new exit country from this browser is answered "mine"', 'sbi',
      logins, '2025-02-01T00:00:00+09:00', caps,
      feedback=[{'at': iso(first_de['at'] + timedelta(hours=3)), 'event': iso(first_de['at']), 'verdict': 'mine'}],
      expect={'alerts': [], 'otherwiseAtMost': 'low'})

# 4. A Hong Kong trader: buys HK stocks (香港, HKドル) from this browser every few weeks,
#    new symbols included, sometimes at sub-dollar prices.
logins = []
for d in days('2024-11-01T00:00:00+09:00', 150):
    if R.random() < 0.6:
        logins.append({'at': at(d, 10, R.randrange(30, 50)), 'ip': f'60.112.{R.randrange(1, 10)}.{R.randrange(1, 250)}', 'os': 'macOS', 'browser': 'Chrome 134', 'mine': True})
logins.sort(key=lambda l: l['at'])
orders = []
hk = [('00700', 'テンセント'), ('09988', 'アリババ'), ('02318', '中国平安保険'), ('01299', 'ＡＩＡ'), ('00005', 'ＨＳＢＣ'), ('03690', '美団'), ('01810', 'シャオミ'), ('00941', 'チャイナモバイル'), ('02269', '薬明生物'), ('00388', '香港取引所')]
mine_times = [l['at'] for l in logins]
for k, t in enumerate(mine_times[::6]):
    sym, name = hk[k % len(hk)]
    price = round(R.uniform(0.6, 0.95), 2) if k % 5 == 4 else R.randrange(20, 400)
    qty = 20000 if price < 1 else R.choice([100, 200, 500])
    orders.append({'at': t + timedelta(minutes=4), 'side': 'buy', 'market': '香港', 'symbol': sym if k < len(hk) else hk[k % 3][0], 'name': name, 'quantity': qty, 'price': price, 'currency': 'HKドル', 'account': '特定'})
caps = [iso(l['at'] + timedelta(minutes=8)) for l in logins if l['at'] >= D('2025-01-15T00:00:00+09:00')][::4]
build('benign-sbi-hk-trader', 'benign', 'SBI: a Hong Kong trader who buys HK stocks (new symbols, sub-dollar prices too) from this browser', 'sbi',
      logins, '2025-01-15T00:00:00+09:00', caps, orders, caps, expect={'alerts': [], 'otherwiseAtMost': 'low'})

# 5. IPv6 at home: the ISP renumbers the /48 (and once the /32) inside Japan; an IPv4
#    fallback now and then; browser updates.
logins = []
prefixes = ['2400:4050:a1b2', '2400:4050:c3d4', '2400:4051:9e10', '240b:10:2a0']
for d in days('2025-01-01T00:00:00+09:00', 100):
    p = prefixes[min(len(prefixes) - 1, d.timetuple().tm_yday // 25)]
    ip = f'{p}:{R.randrange(0, 0xffff):x}:{R.randrange(0, 0xffff):x}:{R.randrange(0, 0xffff):x}:{R.randrange(1, 0xffff):x}:1' if R.random() < 0.85 else f'153.203.{R.randrange(40, 48)}.{R.randrange(1, 250)}'
    logins.append({'at': at(d, 7, R.randrange(0, 50)), 'ip': ip, 'os': 'Windows', 'browser': f'Edge {131 + d.timetuple().tm_yday // 20}', 'mine': True})
caps = [iso(l['at'] + timedelta(minutes=5)) for l in logins if l['at'] >= D('2025-02-01T00:00:00+09:00')][::3]
build('benign-sbi-ipv6-home', 'benign', 'SBI: a home on IPv6 whose prefix is renumbered inside Japan, with IPv4 fallbacks and browser updates', 'sbi',
      logins, '2025-02-01T00:00:00+09:00', caps, expect={'alerts': [], 'otherwiseAtMost': 'low'})

# 6. Full-width labels (Rakuten): channels shown as ＰＣ / ｉＳＰＥＥＤ / スマートフォン /
#    他社サービスからログイン, half-width in older rows and full-width in newer ones.
logins = []
for d in days('2025-01-01T00:00:00+09:00', 90):
    full = d >= D('2025-02-20T00:00:00+09:00')
    logins.append({'at': at(d, 21, R.randrange(0, 40)), 'channel': 'ＰＣ' if full else 'PC', 'mine': True})
    if d.weekday() in (1, 4):
        logins.append({'at': at(d, 12, R.randrange(0, 40)), 'channel': 'ｉＳＰＥＥＤ' if full else 'iSPEED'})
    if d.weekday() == 6:
        logins.append({'at': at(d, 9, R.randrange(0, 40)), 'channel': 'スマートフォン'})
    for h in (3, 9, 15):
        logins.append({'at': d.replace(hour=h, minute=5), 'channel': '他社サービスからログイン'})
logins.sort(key=lambda l: l['at'])
caps = [iso(l['at'] + timedelta(minutes=5)) for l in logins if l.get('mine') and l['at'] >= D('2025-02-01T00:00:00+09:00')][::3]
build('benign-rakuten-fullwidth-labels', 'benign', 'Rakuten: the same PC, iSPEED, smartphone and aggregator channels written half-width, then full-width (ＰＣ, ｉＳＰＥＥＤ)', 'rakuten',
      logins, '2025-02-01T00:00:00+09:00', caps, expect={'alerts': [], 'otherwiseAtMost': 'low'})

# 7. Attack the shared scenarios do not cover: a look-alike login (same Chrome on
#    Windows, a Japanese residential-proxy address in the user's own country) at 04:12
#    while this browser was not on the site, then a never-traded penny stock bought
#    with cash at the open (no sell-off first). The user answers "not mine"; the
#    attacker returns from the same network and is raised to high at once.
logins = []
for d in days('2025-03-01T00:00:00+09:00', 60):
    logins.append({'at': at(d, 20, R.randrange(0, 50)), 'ip': f'126.55.{R.randrange(0, 255)}.{R.randrange(1, 250)}', 'os': 'Windows', 'browser': 'Chrome 135', 'mine': True})
atk1 = D('2025-04-22T04:12:00+09:00')
atk2 = D('2025-04-24T03:55:00+09:00')
logins += [{'at': atk1, 'ip': '133.106.40.18', 'os': 'Windows', 'browser': 'Chrome 135'}, {'at': atk2, 'ip': '133.106.41.77', 'os': 'Windows', 'browser': 'Chrome 135'}]
logins.sort(key=lambda l: l['at'])
orders = [
    {'at': D('2025-01-20T20:30:00+09:00'), 'side': 'buy', 'market': '東証', 'symbol': '7203', 'name': 'トヨタ自動車', 'quantity': 100, 'price': 2700, 'currency': '円', 'account': '特定'},
    {'at': D('2025-02-20T20:30:00+09:00'), 'side': 'buy', 'market': '東証', 'symbol': '6758', 'name': 'ソニーグループ', 'quantity': 100, 'price': 3300, 'currency': '円', 'account': 'NISA成長投資枠'},
    {'at': D('2025-04-22T09:00:00+09:00'), 'side': 'buy', 'market': '東証', 'symbol': '9878', 'name': '架空低位株興業', 'quantity': 60000, 'price': 48, 'currency': '円', 'account': '特定'},
]
caps = [iso(l['at'] + timedelta(minutes=5)) for l in logins if l.get('mine') and l['at'] >= D('2025-04-01T00:00:00+09:00')][::3]
caps += ['2025-04-22T20:55:00+09:00', '2025-04-24T21:05:00+09:00']
build('attack-sbi-lookalike-in-country', 'attack', 'SBI: a look-alike login (same Chrome on Windows, a Japanese address) at 4 a.m. that this browser did not make, then a penny stock bought with cash; the attacker returns after "not mine"', 'sbi',
      logins, '2025-04-01T00:00:00+09:00', sorted(caps), orders, ['2025-04-01T20:58:00+09:00', '2025-04-22T20:56:00+09:00'],
      feedback=[{'at': '2025-04-22T21:10:00+09:00', 'event': iso(atk1), 'verdict': 'not-mine'}],
      expect={'alerts': [{'event': iso(atk1), 'minSeverity': 'medium'}, {'event': '2025-04-22T09:00:00+09:00', 'minSeverity': 'high'}, {'event': iso(atk2), 'minSeverity': 'high'}], 'otherwiseAtMost': 'low', 'maxAlerts': 4})
print('ok')
