import torch


def multiscale_spectral_loss(audio, target, fft_sizes=(64, 32)):
    loss = 0.0
    for n_fft in fft_sizes:
        window = torch.hann_window(n_fft)
        mag = torch.stft(audio, n_fft, n_fft // 4, window=window, return_complex=True).abs()
        ref = torch.stft(target, n_fft, n_fft // 4, window=window, return_complex=True).abs()
        loss = loss + (mag - ref).abs().mean() + (torch.log(mag + 1e-6) - torch.log(ref + 1e-6)).abs().mean()
    return loss
