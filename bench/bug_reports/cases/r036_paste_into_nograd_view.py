# Source: https://github.com/Okery/PyTorch-Simple-MaskRCNN/issues/15
# Report: postprocessing pastes each predicted mask into a full-size canvas,
# `im[y1:y2, x1:x2] = m[...]`; the canvas rows were sliced under no_grad and the
# mask requires grad: "A view was created in no_grad mode and is being modified
# inplace with grad mode enabled".
import torch


def paste_masks_in_image(masks, boxes, image_shape):
    canvas = torch.zeros((masks.shape[0],) + image_shape, requires_grad=True) * 1.0
    with torch.no_grad():
        ims = [canvas[i] for i in range(masks.shape[0])]
    for m, b, im in zip(masks, boxes, ims):
        x1, y1, x2, y2 = b
        im[y1:y2, x1:x2] = m[: y2 - y1, : x2 - x1]  # hazard
    return canvas


def run():
    masks = torch.rand(2, 3, 3, requires_grad=True) * 1.0
    boxes = [(0, 0, 3, 3), (1, 1, 4, 4)]
    out = paste_masks_in_image(masks, boxes, (5, 5))
    out.sum().backward()


if __name__ == "__main__":
    run()
