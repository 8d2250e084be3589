import { describe, expect, it } from 'vitest';
import { AccountEventKindSchema } from '../../records';
import { ACCOUNT_CHANGE_KINDS, accountChangeKind } from './account-changes';

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
