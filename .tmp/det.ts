import { benchDetect } from '../bench/detect';
const r = await benchDetect({ runs: 30 });
console.log(JSON.stringify(r.passMs), JSON.stringify(r.passCpuMs), r.historyEvents);
