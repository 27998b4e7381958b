"""mmagic 1.2.0 (beside the set): IPL001 warning at mmagic/models/data_preprocessors/data_preprocessor.py:698
(``_batch_outputs = _batch_outputs.clamp_(0, 255)`` in ``DataPreprocessor.destruct``,
"`_batch_outputs` is modified in place by `clamp_` but `mul` at line 738 (its input) saved it ...
(on the paths where it is the saved tensor)").

``destruct`` undoes the preprocessing of a model's output: ``_destruct_norm_and_conversion``
de-normalises it when normalisation is on (``batch_tensor = batch_tensor * std + mean``, line
738) and converts the channel order (an ``index_select`` copy, or the tensor itself when the
order already matches); ``_destruct_padding`` crops it (the tensor itself, a slice, ``[None]``
then ``[0]``, or a list of slices); then ``destruct`` clamps the result in place.

On the path where normalisation is on, ``clamp_`` writes the de-normalised tensor (the output of
``+ mean``, or a copy or view of it), which nothing saved; on the path where it is off, it writes
the model's output (or a view of it), which ``mul`` never saw because ``mul`` did not run.  No
path writes what ``mul`` kept.  (In the library ``std`` is mmengine's buffer and never requires
grad, so ``mul`` keeps nothing of ``batch_tensor`` at all; here it is a Parameter, so that the
save exists.)

In the engine's terms: the value written is the join of the paths through the three helpers, 15
tensors here (more than 24 in the library's file), above ``values.MAX_GROUP`` (12).  Past that,
``make_group`` keeps only the members' storages, not the members, and with them it loses each
member's ``hide`` (the saves made on another path of a branch): the model's output, passed on
unchanged where normalisation is off, then shows the save ``mul`` made of it on the path where
normalisation is on.  With ``MAX_GROUP`` raised to 16 in a test process the warning disappears
here (48 for the library's file).  The engine would need a join too large to keep its members
to keep, per storage, the saves each path hid (or the hidden epochs of each storage).
"""
import torch
from torch import nn


class Sample:
    def __init__(self, metainfo, order):
        self.metainfo = metainfo
        self.order = order

    def metainfo_keys(self):
        return list(self.metainfo)


class DataPreprocessor(nn.Module):
    def __init__(self, normalize=True):
        super().__init__()
        self.std = nn.Parameter(torch.full((3,), 127.5))
        self._enable_normalize = normalize

    def _do_conversion(self, inputs, inputs_order, target_order):
        if inputs_order.upper() == target_order.upper():
            return inputs, inputs_order
        if inputs_order.upper() in ["RGB", "BGR"]:
            return torch.index_select(inputs, 1, torch.tensor([2, 1, 0])), target_order
        raise ValueError(inputs_order)

    def destruct(self, outputs, data_samples):
        batch_outputs = self._destruct_norm_and_conversion(outputs, data_samples)
        batch_outputs = self._destruct_padding(batch_outputs, data_samples)
        return batch_outputs.clamp_(0, 255)

    def _destruct_norm_and_conversion(self, batch_tensor, data_samples):
        if self._enable_normalize:
            batch_tensor = batch_tensor * self.std.view(-1, 1, 1)
        batch_tensor, _ = self._do_conversion(batch_tensor, data_samples.order, "BGR")
        return batch_tensor

    def _destruct_padding(self, batch_tensor, data_samples):
        if data_samples is None:
            return batch_tensor
        if "padding_size" in data_samples.metainfo_keys():
            pad_infos = data_samples.metainfo["padding_size"]
        else:
            pad_infos = None
        if not isinstance(pad_infos, list):
            pad_infos = [pad_infos]
            is_batch_data = False
        else:
            is_batch_data = True
        if all([pad_info is None for pad_info in pad_infos]):
            pad_infos = None
        if not is_batch_data:
            batch_tensor = batch_tensor[None, ...]
        if pad_infos is None:
            return batch_tensor if is_batch_data else batch_tensor[0]
        batch_tensor = batch_tensor[..., :-1, :-1]
        return batch_tensor if is_batch_data else batch_tensor[0]


for normalize in (True, False):
    for order in ("RGB", "BGR"):
        for padding in (None, (1, 1), [(1, 1), (1, 1)]):
            pre = DataPreprocessor(normalize)
            meta = {} if padding is None else {"padding_size": padding}
            batch = isinstance(padding, list)
            outputs = torch.randn(*((2,) if batch else ()), 3, 5, 5, requires_grad=True) * 1
            pre.destruct(outputs, Sample(meta, order)).sum().backward()
