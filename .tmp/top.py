import json,sys,glob,collections
f=sys.argv[1]
p=json.load(open(f))
nodes={n['id']:n for n in p['nodes']}
self_t=collections.Counter()
dt=p['timeDeltas']; samples=p['samples']
for s,d in zip(samples,dt): self_t[s]+=d
agg=collections.Counter()
for nid,t in self_t.items():
    cf=nodes[nid]['callFrame']; agg[(cf['functionName'] or '(anon)')+' '+cf['url'].split('/')[-1]+':'+str(cf['lineNumber'])]+=t
tot=sum(agg.values())
for k,v in agg.most_common(25): print(f'{v/1000:8.1f}ms {100*v/tot:5.1f}% {k}')
