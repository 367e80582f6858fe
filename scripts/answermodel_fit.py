#!/usr/bin/env python3
"""Fits the validated answers' logistic models (fittedAnswerModels in
rag/answers_pooled_test.go, measured beside the matching in use).

Reads the candidates' signals of every message file's tuning half, the
answers of each third of the fiches active in turn, as written by

    PLUME_ANSWER_DUMP=/tmp/answers.jsonl go test ./rag -run 'TestValidatedAnswerMatching$'

(the test half is never written), fits a logistic model of "this candidate
is the message's right answer" (Newton steps, L2 1, no penalty on the
intercept) with and without the semantic model's signals, picks each
threshold by the rule of rag/answers_tune_test.go (the most right answers
first with none shown for at least 97 % of the messages without one, then
the most none shown; margins 0, 0.01, 0.02, 0.04, 0.08), and reports both
in five-fold cross-validation by message (FNV-1a of the message id modulo
5, as rag/answers_study_internal_test.go folds), model and threshold fitted
on the other four folds. Only the twelve best candidates by the weighted
mean, and those the search found, are fitted and scored: the others never
come first. Python 3, standard library only; a few minutes on two cores.

    python3 scripts/answermodel_fit.py /tmp/answers.jsonl
"""
import bisect
import json
import math
import sys

PLAIN = ['qw', 'fw', 'mw', 'qc', 'tc', 'sf', 'first', 'second', 'further', 'first_reliable', 'rel', 'mw_first', 'qw_first']
SEMANTIC = PLAIN + ['sq', 'ss']
GO_NAMES = dict(qw='QuestionWords', fw='FocusWords', mw='MessageWords', qc='QuestionCosine', tc='TextCosine', sf='SourceFound',
                first='First', second='Second', further='Further', first_reliable='FirstReliable', rel='Reliable',
                mw_first='MessageWordsFirst', qw_first='QuestionWordsFirst', sq='SemanticQuestion', ss='SemanticSource')
GRID = [k / 100 for k in range(10, 90)]


def fnv32a(s):
    h = 0x811c9dc5
    for b in s.encode():
        h = ((h ^ b) * 0x01000193) & 0xffffffff
    return h


def mean_score(s):
    """The weighted mean in use until 2026-12-03 (weights 4, 1, 8, text cosine 2)."""
    return (4 * s['qw'] + s['fw'] + 8 * s['mw'] + (2 * s['tc'] if s['vec'] else 0)) / (13 + (2 if s['vec'] else 0))


def features(s, names):
    place = int(s['sp'])
    first = 1.0 if place == 1 else 0.0
    f = dict(s, first=first, second=1.0 if place == 2 else 0.0, further=1.0 if place > 2 else 0.0,
             first_reliable=first * s['rel'], mw_first=first * s['mw'], qw_first=first * s['qw'])
    return [1.0] + [f[n] for n in names]


def load(path, names):
    messages = []
    for line in open(path):
        m = json.loads(line)
        cands = sorted(m['cands'], key=lambda c: -mean_score(c['s']))
        kept = cands[:12] + [c for c in cands[12:] if c['s']['sp'] > 0 or c['id'] == m['want']]
        messages.append(dict(want=m['want'], fold=fnv32a(m['msg']) % 5,
                             cands=[(c['id'], features(c['s'], names)) for c in kept]))
    return messages


def solve(a, b):
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[r][c] != 0:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] for i in range(n)]


def fit(messages, l2=1.0, steps=8):
    rows = [(x, 1.0 if cid == m['want'] else 0.0) for m in messages for cid, x in m['cands']]
    d = len(rows[0][0])
    w = [0.0] * d
    for _ in range(steps):
        g = [0.0] * d
        h = [[0.0] * d for _ in range(d)]
        for x, y in rows:
            p = 1 / (1 + math.exp(-max(min(sum(a * b for a, b in zip(w, x)), 30), -30)))
            for i in range(d):
                if x[i] == 0:
                    continue
                g[i] += (p - y) * x[i]
                for j in range(i, d):
                    h[i][j] += p * (1 - p) * x[i] * x[j]
        for i in range(d):
            for j in range(i):
                h[i][j] = h[j][i]
            if i:
                h[i][i] += l2
                g[i] += l2 * w[i]
        w = [a - b for a, b in zip(w, solve(h, g))]
    return w


def tops(messages, w):
    """Each message's best two scores, its first candidate and whether it fits."""
    out = []
    for m in messages:
        scored = sorted(((1 / (1 + math.exp(-max(min(sum(a * b for a, b in zip(w, x)), 30), -30))), cid)
                         for cid, x in m['cands']), key=lambda t: (-t[0], t[1]))
        second = scored[1][0] if len(scored) > 1 else 0.0
        out.append((scored[0][0], second, scored[0][1] == m['want'], m['want'] != 0))
    return out


def counts(ts, threshold, margin):
    right = none = 0
    for best, second, fits, has in ts:
        shown = best >= threshold and best - second >= margin
        right += has and shown and fits
        none += (not has) and not shown
    return right, none


def calibrate(ts):
    without = sum(1 for t in ts if not t[3])
    best = None
    for margin in (0, 0.01, 0.02, 0.04, 0.08):
        for th in GRID:
            right, none = counts(ts, th, margin)
            if none >= 0.97 * without and (best is None or (right, none) > best[:2]):
                best = (right, none, th, margin)
    return best


def report(name, messages):
    w = fit(messages)
    right, none, th, margin = calibrate(tops(messages, w))
    names = SEMANTIC if name == 'semantic' else PLAIN
    print(f'{name}: threshold {th}, margin {margin}: {right} right first, {none} none shown on the whole set')
    print('  AnswerModel{Intercept: %.3f, %s}' % (w[0], ', '.join(f'{GO_NAMES[n]}: {v:.3f}' for n, v in zip(names, w[1:]))))
    cv_right = cv_none = 0
    for fold in range(5):
        train = [m for m in messages if m['fold'] != fold]
        wf = fit(train)
        _, _, thf, mf = calibrate(tops(train, wf))
        r, n = counts(tops([m for m in messages if m['fold'] == fold], wf), thf, mf)
        cv_right, cv_none = cv_right + r, cv_none + n
    with_answer = sum(1 for m in messages if m['want'])
    print(f'  five-fold cross-validation by message: {cv_right}/{with_answer} right first, '
          f'{cv_none}/{len(messages) - with_answer} none shown', flush=True)
    return th


def main():
    path = sys.argv[1]
    th_sem = report('semantic', load(path, SEMANTIC))
    th_plain = report('plain', load(path, PLAIN))
    logit = lambda p: math.log(p / (1 - p))
    print(f'plain intercept shift to share the semantic threshold: {logit(th_sem) - logit(th_plain):+.3f}')


if __name__ == '__main__':
    main()
