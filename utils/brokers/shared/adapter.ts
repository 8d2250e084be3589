// A broker's adapter, built from its declaration: the shared page reader,
// configured by what the declaration says (phrases, URL hints, banner, layouts).

import type { BrokerDeclaration } from '../declaration';
import type { BrokerId } from '../registry';
import type { BrokerAdapter } from '../types';
import { readBrokerPage } from './read-page';

export function adapterOf(d: BrokerDeclaration<BrokerId>): BrokerAdapter {
  return {
    id: d.id,
    label: d.label,
    otherNames: d.otherNames ?? [],
    hosts: d.hosts,
    loginHosts: d.loginHosts,
    pageKinds: d.pageKinds,
    urlHints: d.urlHints,
    officialUrls: d.officialUrls,
    readPage: (doc, url, opts) => readBrokerPage(d, doc, url, opts),
  };
}
