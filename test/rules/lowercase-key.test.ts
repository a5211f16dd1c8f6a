import { ruleTester } from '../helpers/rule-tester.js';

ruleTester('lowercase-key', {
  valid: [
    "Send({ device = 'patch@1.0', cache = { mykey = 1, usercount = 2 } })",
  ],
  invalid: [
    {
      code: "Send({ device = 'patch@1.0', cache = { MyKey = 1 } })",
      errors: [{ messageId: 'upper', line: 1, column: 40, endLine: 1, endColumn: 45 }],
      output: "Send({ device = 'patch@1.0', cache = { mykey = 1 } })",
    },
  ],
});
