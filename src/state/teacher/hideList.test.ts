import { describe, expect, it } from 'vitest';
import { HIDEABLE_CONTROLS, parseHideList } from './hideList';
import { parseUrlSettings, serializeUrlSettings, URL_SCHEMA } from '../urlSchema';
import { studentLinkQuery } from './teacher';
import { partsEn } from '../../i18n/parts.en';
import { partsZhCN } from '../../i18n/parts.zh-CN';

describe('hide= list', () => {
  it('parses ids of the one list, in the list’s order, each once', () => {
    expect(parseHideList('p,settings')).toEqual({ ok: true, value: ['settings', 'p'] });
    expect(parseHideList(' language , language,teacher ')).toEqual({ ok: true, value: ['language', 'teacher'] });
    expect(parseHideList('')).toEqual({ ok: true, value: [] });
    expect(parseHideList(',,')).toEqual({ ok: true, value: [] });
    expect(parseHideList(HIDEABLE_CONTROLS.join(','))).toEqual({ ok: true, value: [...HIDEABLE_CONTROLS] });
  });

  it('refuses a list with an unknown id (case matters), so a typo is reported, not half-applied', () => {
    expect(parseHideList('settings,slider').ok).toBe(false);
    expect(parseHideList('Settings').ok).toBe(false);
    expect(parseHideList('__proto__').ok).toBe(false);
    const parsed = parseUrlSettings('?hide=settings,slider');
    expect(parsed.settings.hide).toEqual([]);
    expect(parsed.notices.map((notice) => [notice.param, notice.reason])).toEqual([['hide', 'badList']]);
  });

  it('round-trips through the link with commas kept readable', () => {
    const { settings } = parseUrlSettings('?view=lab&hide=speed,p');
    expect(settings.hide).toEqual(['p', 'speed']);
    expect(serializeUrlSettings(settings)).toBe('?view=lab&hide=p,speed');
  });

  it('labels every control in both languages', () => {
    for (const id of HIDEABLE_CONTROLS) {
      expect(partsEn.teacher.hideLabels[id], id).toBeTruthy();
      expect(partsZhCN.teacher.hideLabels[id], id).toBeTruthy();
    }
    expect(Object.keys(partsEn.teacher.hideLabels).sort()).toEqual([...HIDEABLE_CONTROLS].sort());
  });

  it('teacher settings are not host-writable; hide (it only removes controls) is', () => {
    expect('hostWritable' in URL_SCHEMA.teacher).toBe(false);
    expect('hostWritable' in URL_SCHEMA.mystery).toBe(false);
    expect(URL_SCHEMA.hide.hostWritable).toBe(true);
  });

  it('the student link drops the teacher layer and carries the chosen hide list', () => {
    const { settings } = parseUrlSettings('?view=lab&data=moons&teacher=1');
    expect(studentLinkQuery(settings, [])).toBe('?data=moons');
    expect(studentLinkQuery(settings, ['teacher', 'settings'])).toBe('?data=moons&hide=teacher,settings');
    const lesson = parseUrlSettings('?view=lesson&step=4&teacher=1&locale=zh-CN').settings;
    expect(studentLinkQuery(lesson, ['language'])).toBe('?view=lesson&step=4&locale=zh-CN&hide=language');
  });
});
