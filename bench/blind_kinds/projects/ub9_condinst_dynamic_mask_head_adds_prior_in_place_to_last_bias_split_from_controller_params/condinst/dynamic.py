"""Dynamic convolution parameters in AdelaiDet's CondInst shape."""
import torch


def param_counts(in_channels, channels, layers):
    weight_nums, bias_nums = [], []
    for i in range(layers):
        c_in = in_channels if i == 0 else channels
        c_out = 1 if i == layers - 1 else channels
        weight_nums.append(c_in * c_out)
        bias_nums.append(c_out)
    return weight_nums, bias_nums


def parse_dynamic_params(params, in_channels, channels, weight_nums, bias_nums):
    n_insts, n_layers = params.size(0), len(weight_nums)
    splits = list(torch.split_with_sizes(params, weight_nums + bias_nums, dim=1))
    weights, biases = splits[:n_layers], splits[n_layers:]
    for i in range(n_layers):
        c_in = in_channels if i == 0 else channels
        c_out = 1 if i == n_layers - 1 else channels
        weights[i] = weights[i].reshape(n_insts * c_out, c_in, 1, 1)
        biases[i] = biases[i].reshape(n_insts * c_out)
    return weights, biases
