import { PATCH_DEVICE, defineRule } from './kit.js';

export default defineRule({
  meta: {
    id: 'device-name',
    description: "The device must be exactly 'patch@1.0'.",
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      nearMiss: "Device '{{device}}' is not 'patch@1.0', so the message is sent as an ordinary one: write 'patch@1.0'.",
    },
    why:
      "HyperBEAM's patch device (dev_patch.erl) treats an outbox message as a patch only when device is exactly 'patch@1.0' (or method is exactly 'PATCH'). A near miss — Patch@1.0, patch@1, the cookbook prose's ~patch@1.0, a trailing space — silently turns the patch into an ordinary outgoing message, and nothing is exposed.",
  },
  check(model, context) {
    for (const patch of model.patches) {
      const device = patch.device;
      if (!device || device.text === PATCH_DEVICE || patch.exact) continue;
      let fix;
      if (device.literal) {
        const raw = context.source.slice(device.literal[0], device.literal[1]);
        const quote = raw[0] === '"' ? '"' : "'";
        fix = { range: device.literal, text: `${quote}${PATCH_DEVICE}${quote}` };
      }
      context.report({ range: device.range, messageId: 'nearMiss', data: { device: device.text }, ...(fix ? { fix } : {}) });
    }
  },
});
