import { describe, expect, it } from 'vitest';
import { AccountEventKindSchema } from '../../records';
import { parseHtml } from '../../dom/parse-html';
import { ACCOUNT_CHANGE_KINDS, accountChangeKind, readAccountChangePage } from './account-changes';
import { readGrids } from './table';

describe('accountChangeKind', () => {
  it.each([
    ['登録メールアドレス', 'email'],
    ['Eメールアドレスの変更', 'email'],
    ['ログイン通知メール', 'notification-settings'],
    ['メールサービス（取引報告）', 'notification-settings'],
    ['出金先金融機関口座', 'withdrawal-bank-account'],
    ['入出金口座の登録', 'withdrawal-bank-account'],
    ['外国株式取引口座', 'foreign-stock-account'],
    ['外国証券取引口座約款', 'document-consent'],
    ['交付書面の電子交付', 'document-consent'],
    ['取引パスワード', 'password'],
    ['ログイン追加認証', 'security-settings'],
    ['住所', 'address'],
    ['電話番号', 'phone'],
    ['氏名', 'name'],
    ['職業', 'other'],
  ])('%s -> %s', (item, kind) => {
    expect(accountChangeKind(item)).toBe(kind);
  });

  it('uses the same kinds as the stored AccountEvent', () => {
    expect([...ACCOUNT_CHANGE_KINDS]).toEqual(AccountEventKindSchema.options);
  });
});

describe('readAccountChangePage: a row it cannot read', () => {
  it('keeps the changes it could read and names the other with its content', () => {
    const doc = parseHtml(
      '<html><head><title>お客様情報変更履歴</title></head><body><table>' +
        '<tr><th>受付日時</th><th>変更内容</th></tr>' +
        '<tr><td>2025/03/30 23:58</td><td>出金先金融機関口座</td></tr>' +
        '<tr><td>受付中</td><td>メールアドレス</td></tr>' +
        '</table></body></html>',
    );
    const r = readAccountChangePage(doc, readGrids(doc), 'account-changes');
    expect(r.status).toBe('ok');
    expect(r.accountEvents.map((e) => e.kind)).toEqual(['withdrawal-bank-account']);
    expect(r.warnings).toEqual([
      'account change row 2 not read (no change time or content in "受付中"): 受付中 | メールアドレス',
    ]);
  });
});
