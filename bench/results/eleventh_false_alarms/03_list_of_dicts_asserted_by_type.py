"""mmdet 3.3.0, evaluation/functional/ytvis.py:249: IPL003 warning.

``YTVIS.loadRes`` (the YouTube-VIS result loader used by the video-instance-segmentation metric)
reads its results with ``anns = json.load(open(resFile))`` for a file name, converts a numpy
array, or takes ``anns = resFile`` as given, then checks ``assert type(anns) == list, 'results in
not an array of objects'`` and fills each result in a loop: ``for id, ann in enumerate(anns):
ann['areas'] = []``, ``ann['bboxes'].append(...)``, ``ann['id'] = id + 1``.  The file does not
import torch; the elements are dicts.  After the assert ``anns`` is a list, so iterating it does
not make views; and a key such as ``'areas'`` can never be an in-place write into a tensor:
torch 2.13 rejects a string key at once (IndexError "too many indices" on a tensor with fewer
dimensions than the key has letters, TypeError "invalid data type 'str'" otherwise).  The linter
lets the value joined from ``json.load(...)`` and the argument be a tensor, does not take
``type(x) == list`` as narrowing it (``isinstance(x, list)`` is), and reports the key assignments
as writes into outputs of a multi-output view (iteration over a tensor).
"""
import json
import os
import tempfile

import torch


def load_results(res_file):
    if type(res_file) == str:
        with open(res_file) as fh:
            anns = json.load(fh)
    else:
        anns = res_file
    assert type(anns) == list, 'results in not an array of objects'
    for id, ann in enumerate(anns):
        ann['areas'] = [len(seg) for seg in ann['segmentations']]
        ann['id'] = id + 1
    return anns


results = [{'video_id': 1, 'segmentations': ['ab', 'c']}, {'video_id': 2, 'segmentations': ['d']}]
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, 'results.json')
    with open(path, 'w') as fh:
        json.dump(results, fh)
    loaded = load_results(path)
assert [a['areas'] for a in loaded] == [[2, 1], [1]] and [a['id'] for a in loaded] == [1, 2]
assert load_results(results)[1]['id'] == 2

# the model the metric scores trains as usual; nothing above touches a tensor with a graph
w = torch.ones(2, requires_grad=True)
(w * torch.tensor([len(a['areas']) for a in loaded], dtype=torch.float)).sum().backward()
assert w.grad.tolist() == [2.0, 1.0]
