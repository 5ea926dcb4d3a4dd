'use strict';
/*
 * The Bot API emulator of the end-to-end tests.
 *
 * Loads telegram-test-api 4.2.1 as a library (its storage of user updates and bot messages, its
 * client routes) and puts in front of it a layer that makes it behave like the real Bot API for
 * an aiogram bot: getMe with is_bot, getUpdates with offset and long polling, callback queries
 * with chat_instance and the pressed message, multipart uploads, getFile and file downloads, the
 * command menu, Telegram-shaped errors, fault injection and a log of every Bot API call.
 *
 * Usage: node launcher.js   (binds 127.0.0.1 on a free port, prints one line
 * "EMULATOR READY http://127.0.0.1:<port>", stops on SIGTERM or SIGINT).
 *
 * The control API used by tests/e2e/client.py (JSON in, {ok, result} out):
 *   POST   /_control/updates/message       {token, from, chat, text | document{file_name, content_base64}}
 *   POST   /_control/updates/callback      {token, from, chat_id, message_id, data}
 *   POST   /_control/updates/inline_query  {token, from, query}
 *   POST   /_control/updates/channel_post  {token, chat, text}   a post in a channel
 *          (updates/message also takes sender_chat: an anonymous admin, a channel in a group)
 *   GET    /_control/messages?token&chat_id&after   the bot's messages as they read now
 *   GET    /_control/calls?token&method&after       the log of Bot API calls
 *   POST   /_control/faults   {token, method, count (-1: until cleared), error_code, description,
 *                             retry_after, chat_id, delay_ms, after_handling}; DELETE /_control/faults?token
 *                             (method "file": the next file download answers error_code)
 *          after_handling "drop": the call is handled (a message is stored: the user has it), then
 *          the socket is destroyed without an answer; "delay": handled, then answered only after
 *          delay_ms (past the client's timeout). Without it, delay_ms delays the handling.
 *   GET    /_control/commands?token                 what setMyCommands stored, per scope|language
 *   POST   /_control/chat_member {chat_id, user_id, status, is_anonymous, custom_title}
 *                             what getChatMember answers (creator, administrator, member,
 *                             restricted, left, kicked), as full ChatMember objects
 *   GET    /_control/files/<file_id>                a file's bytes
 */

const crypto = require('node:crypto');
const http = require('node:http');
const path = require('node:path');

const TelegramServer = require('telegram-test-api');
// The web framework telegram-test-api itself is built on, resolved from its own folder.
const express = require(require.resolve('express', {
  paths: [path.dirname(require.resolve('telegram-test-api'))],
}));

const BOT_USERNAME = process.env.EMULATOR_BOT_USERNAME || 'kzru_test_bot';
const MAX_POLL_SECONDS = 50;
const MAX_TEXT_LENGTH = 4096;
const MAX_CAPTION_LENGTH = 1024;
const MAX_CALLBACK_DATA_BYTES = 64;
const BODY_LIMIT = '60mb';

// --- Telegram-shaped answers -------------------------------------------------------------

class BotApiError extends Error {
  constructor(code, description, parameters) {
    super(description);
    this.code = code;
    this.parameters = parameters;
  }
}

const badRequest = (description) => new BotApiError(400, `Bad Request: ${description}`);

function botUser(token) {
  const id = Number(String(token).split(':')[0]) || 1;
  return { id, is_bot: true, first_name: 'KZ-RU Test Bot', username: BOT_USERNAME };
}

// --- HTML as Telegram reads it (parse_mode=HTML) -----------------------------------------

const HTML_TAGS = new Set([
  'b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'span', 'tg-spoiler', 'a',
  'code', 'pre', 'blockquote', 'tg-emoji',
]);
const NAMED_ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"' };

/** Plain text of an HTML message; throws a Telegram-shaped 400 where Telegram would. */
function htmlToText(html) {
  const open = [];
  let text = '';
  let i = 0;
  while (i < html.length) {
    const ch = html[i];
    if (ch === '<') {
      const end = html.indexOf('>', i);
      const match = end < 0 ? null : /^<(\/?)([a-zA-Z][\w-]*)(\s[^>]*)?>$/.exec(html.slice(i, end + 1));
      if (!match) {
        throw badRequest(`can't parse entities: Unsupported start tag at byte offset ${i}`);
      }
      const [, closing, rawName] = match;
      const name = rawName.toLowerCase();
      if (!HTML_TAGS.has(name)) {
        throw badRequest(`can't parse entities: Unsupported start tag "${name}" at byte offset ${i}`);
      }
      if (closing) {
        if (open.pop() !== name) {
          throw badRequest(`can't parse entities: Unmatched end tag at byte offset ${i}`);
        }
      } else {
        open.push(name);
      }
      i = end + 1;
    } else if (ch === '&') {
      const match = /^&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/.exec(html.slice(i, i + 12));
      const name = match ? match[1] : null;
      if (name && name.startsWith('#x')) {
        text += String.fromCodePoint(parseInt(name.slice(2), 16));
      } else if (name && name.startsWith('#')) {
        text += String.fromCodePoint(parseInt(name.slice(1), 10));
      } else if (name && name in NAMED_ENTITIES) {
        text += NAMED_ENTITIES[name];
      } else {
        text += ch;
        i += 1;
        continue;
      }
      i += match[0].length;
    } else {
      text += ch;
      i += 1;
    }
  }
  if (open.length) {
    throw badRequest(`can't parse entities: Can't find end tag corresponding to start tag "${open.pop()}"`);
  }
  return text;
}

function visibleText(raw, parseMode, limit, emptyError) {
  const text = parseMode && String(parseMode).toUpperCase() === 'HTML' ? htmlToText(raw) : raw;
  if (emptyError && !text.trim()) {
    throw badRequest(emptyError);
  }
  if (text.length > limit) {
    throw badRequest(limit === MAX_TEXT_LENGTH ? 'message is too long' : 'message caption is too long');
  }
  return text;
}

// --- request parameters ------------------------------------------------------------------

function parseJsonField(value) {
  if (typeof value !== 'string') {
    return value;
  }
  try {
    return JSON.parse(value);
  } catch (error) {
    return value;
  }
}

function checkedMarkup(rawMarkup) {
  const markup = parseJsonField(rawMarkup);
  if (!markup || !Array.isArray(markup.inline_keyboard)) {
    return undefined;
  }
  for (const row of markup.inline_keyboard) {
    for (const button of row) {
      if (!button.text) {
        throw badRequest('text buttons are unallowed in the inline keyboard');
      }
      const data = button.callback_data;
      if (data !== undefined && (Buffer.byteLength(String(data)) > MAX_CALLBACK_DATA_BYTES || !data)) {
        throw badRequest('BUTTON_DATA_INVALID');
      }
    }
  }
  return markup;
}

/** multipart/form-data: fields into req.body, files into req.files (name -> {file_name, data}). */
function parseMultipart(req, res, next) {
  const type = req.headers['content-type'] || '';
  const match = /^multipart\/form-data;.*boundary="?([^";]+)"?/i.exec(type);
  if (!match) {
    next();
    return;
  }
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('error', next);
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    req.body = {};
    req.files = {};
    const delimiter = Buffer.from(`--${match[1]}`);
    let start = body.indexOf(delimiter);
    while (start >= 0) {
      const partStart = start + delimiter.length + 2; // skip CRLF after the delimiter
      const end = body.indexOf(delimiter, partStart);
      if (end < 0) {
        break;
      }
      const part = body.subarray(partStart, end - 2); // drop CRLF before the next delimiter
      const split = part.indexOf('\r\n\r\n');
      if (split >= 0) {
        const headers = part.subarray(0, split).toString('utf8');
        const content = part.subarray(split + 4);
        const name = /name="([^"]*)"/i.exec(headers);
        const fileName = /filename="([^"]*)"/i.exec(headers);
        if (name && fileName) {
          const mime = /content-type:\s*([^\r\n]+)/i.exec(headers);
          req.files[name[1]] = { file_name: fileName[1], mime_type: mime ? mime[1] : undefined, data: content };
        } else if (name) {
          req.body[name[1]] = content.toString('utf8');
        }
      }
      start = end;
    }
    req._body = true; // tells the body parsers of the emulator that the body is read
    next();
  });
}

// --- the emulator ------------------------------------------------------------------------

class Emulator {
  constructor() {
    this.telegram = new TelegramServer({ host: '127.0.0.1', port: 1, storeTimeout: 24 * 3600 });
    this.calls = [];
    this.faults = [];
    this.commands = {}; // token -> {"<scope json>|<language>": [commands]}
    this.files = new Map(); // file_id -> {file_name, mime_type, data, file_path}
    this.chats = new Map(); // chat id -> chat object seen in user updates
    this.allowedUpdates = new Map(); // token -> update types getUpdates asked for, or null
    this.members = new Map(); // "<chat>:<user>" -> {status, is_anonymous, custom_title}
    this.edits = new Map(); // "<chat>:<message>" -> number of edits
    this.waiters = new Set();
    this.inlineQueryId = 1;
    this.stopping = false;
  }

  // storage helpers

  chat(chatId) {
    const id = Number(chatId);
    return this.chats.get(id) || (id > 0
      ? { id, type: 'private', first_name: 'User' }
      : { id, type: 'supergroup', title: 'Group' });
  }

  storedBotMessage(chatId, messageId) {
    return this.telegram.storage.botMessages.find((stored) => (
      String(stored.messageId) === String(messageId)
      && String(stored.message.chat_id) === String(chatId)));
  }

  /** A stored bot message in the shape Telegram returns it. */
  messageFromBot(stored) {
    const { message } = stored;
    const shaped = {
      message_id: stored.messageId,
      from: botUser(stored.botToken),
      chat: this.chat(message.chat_id),
      date: Math.floor(stored.time / 1000),
    };
    if (message.text !== undefined) {
      shaped.text = message.visible_text !== undefined ? message.visible_text : message.text;
    }
    if (message.caption !== undefined) {
      shaped.caption = message.visible_caption !== undefined ? message.visible_caption : message.caption;
    }
    for (const key of ['document', 'photo']) {
      if (message[key] !== undefined) {
        shaped[key] = message[key];
      }
    }
    if (message.reply_markup && message.reply_markup.inline_keyboard) {
      shaped.reply_markup = message.reply_markup;
    }
    if (this.edits.get(`${message.chat_id}:${stored.messageId}`)) {
      shaped.edit_date = Math.floor(Date.now() / 1000);
    }
    return shaped;
  }

  storeBotMessage(token, fields) {
    const sent = this.telegram.addBotMessage(fields, token);
    const stored = this.storedBotMessage(fields.chat_id, sent.message_id);
    return this.messageFromBot(stored);
  }

  storeFile(upload) {
    const fileId = `file-${crypto.randomBytes(8).toString('hex')}`;
    const file = {
      file_id: fileId,
      file_unique_id: fileId.slice(5, 13),
      file_name: upload.file_name,
      mime_type: upload.mime_type,
      file_size: upload.data.length,
      file_path: `documents/${fileId}/${upload.file_name || 'file'}`,
      data: upload.data,
    };
    this.files.set(fileId, file);
    return file;
  }

  // user updates (the test plays the user)

  remember(chat) {
    if (chat && chat.id !== undefined) {
      this.chats.set(Number(chat.id), chat);
    }
  }

  async addUserMessage(body) {
    const message = {
      from: body.from,
      chat: body.chat || { id: body.from.id, type: 'private', first_name: body.from.first_name },
      date: Math.floor(Date.now() / 1000),
    };
    if (body.sender_chat) {
      // An anonymous group admin (from: GroupAnonymousBot) or a channel writing in a group.
      message.sender_chat = body.sender_chat;
    }
    if (body.updateKind) {
      message.updateKind = body.updateKind;
      delete message.from;
    }
    this.remember(message.chat);
    if (body.text !== undefined) {
      message.text = body.text;
      const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(body.text);
      if (command) {
        message.entities = [{ type: 'bot_command', offset: 0, length: command[0].length }];
      }
    }
    if (body.document) {
      const file = this.storeFile({
        file_name: body.document.file_name,
        mime_type: body.document.mime_type,
        data: Buffer.from(body.document.content_base64 || '', 'base64'),
      });
      message.document = {
        file_id: file.file_id,
        file_unique_id: file.file_unique_id,
        file_name: file.file_name,
        mime_type: file.mime_type,
        file_size: file.file_size,
      };
      if (body.caption !== undefined) {
        message.caption = body.caption;
      }
    }
    const messageId = this.telegram.messageId;
    const updateId = this.telegram.updateId;
    await this.telegram.addUserMessage({ ...message, botToken: body.token });
    this.wake();
    return { update_id: updateId, message_id: messageId };
  }

  async addChannelPost(body) {
    // A post in a channel has no sender user: the channel itself is its sender_chat.
    const chat = { type: 'channel', title: 'Channel', ...body.chat };
    const { from, ...post } = { ...body, chat, sender_chat: chat };
    const result = await this.addUserMessage({ ...post, from: undefined, updateKind: 'channel_post' });
    return result;
  }

  async addUserCallback(body) {
    const stored = this.storedBotMessage(body.chat_id, body.message_id);
    if (!stored) {
      throw new BotApiError(400, `no bot message ${body.message_id} in chat ${body.chat_id}`);
    }
    const callbackQuery = {
      from: body.from,
      message: this.messageFromBot(stored),
      chat_instance: `ci-${body.chat_id}`,
      data: body.data,
      botToken: body.token,
    };
    const id = String(this.telegram.callbackId);
    const updateId = this.telegram.updateId;
    await this.telegram.addUserCallback(callbackQuery);
    this.wake();
    return { update_id: updateId, callback_query_id: id };
  }

  async addUserInlineQuery(body) {
    const id = String(this.inlineQueryId++);
    const updateId = this.telegram.updateId;
    await this.telegram.addUserUpdate({
      ...this.telegram.getCommonFields(body.token),
      inlineQuery: { id, from: body.from, query: body.query || '', offset: body.offset || '' },
    });
    this.wake();
    return { update_id: updateId, inline_query_id: id };
  }

  // getUpdates with offset and long polling

  wake() {
    for (const resolve of this.waiters) {
      resolve();
    }
    this.waiters.clear();
  }

  static formatUpdate(update) {
    if ('callbackQuery' in update) {
      const { botToken, ...callbackQuery } = update.callbackQuery;
      return {
        update_id: update.updateId,
        callback_query: { id: String(update.callbackId), ...callbackQuery },
      };
    }
    if ('inlineQuery' in update) {
      return { update_id: update.updateId, inline_query: update.inlineQuery };
    }
    const { botToken, updateKind, ...message } = update.message;
    return { update_id: update.updateId, [updateKind || 'message']: { ...message, message_id: update.messageId } };
  }

  static updateType(update) {
    if ('callbackQuery' in update) {
      return 'callback_query';
    }
    return 'inlineQuery' in update ? 'inline_query' : update.message.updateKind || 'message';
  }

  pendingUpdates(token, limit) {
    // Like Telegram, updates of a type the bot did not ask for (allowed_updates) never arrive.
    const allowed = this.allowedUpdates.get(token);
    this.telegram.storage.userMessages = this.telegram.storage.userMessages.filter(
      (update) => update.botToken !== token || !allowed || allowed.includes(Emulator.updateType(update)),
    );
    return this.telegram.storage.userMessages
      .filter((update) => update.botToken === token)
      .slice(0, limit)
      .map(Emulator.formatUpdate);
  }

  async getUpdates(token, params, req) {
    const offset = params.offset !== undefined ? Number(params.offset) : undefined;
    const limit = Math.min(Math.max(Number(params.limit) || 100, 1), 100);
    const timeout = Math.min(Math.max(Number(params.timeout) || 0, 0), MAX_POLL_SECONDS);
    if (params.allowed_updates !== undefined) {
      const allowed = parseJsonField(params.allowed_updates);
      // An empty list means every type again; the last list given stays in force.
      this.allowedUpdates.set(token, Array.isArray(allowed) && allowed.length ? allowed : null);
    }
    if (offset !== undefined && offset > 0) {
      // Telegram forgets every update below the offset: they are confirmed by this call.
      this.telegram.storage.userMessages = this.telegram.storage.userMessages.filter(
        (update) => update.botToken !== token || update.updateId >= offset,
      );
    }
    const deadline = Date.now() + timeout * 1000;
    let updates = this.pendingUpdates(token, limit);
    let closed = false;
    // The response (not the request) reports a client that hung up on a long poll.
    req.res.once('close', () => { closed = true; this.wake(); });
    while (!updates.length && !closed && !this.stopping && Date.now() < deadline) {
      await new Promise((resolve) => {
        const waiter = () => { clearTimeout(timer); resolve(); };
        const timer = setTimeout(() => { this.waiters.delete(waiter); resolve(); }, deadline - Date.now());
        this.waiters.add(waiter);
      });
      updates = this.pendingUpdates(token, limit);
    }
    return updates;
  }

  // fault injection

  takeFault(token, method, params) {
    const fault = this.faults.find((candidate) => (
      candidate.method === method
      && (candidate.token === undefined || candidate.token === token)
      && (candidate.chat_id === undefined || String(candidate.chat_id) === String(params.chat_id))));
    if (!fault) {
      return null;
    }
    if (fault.count > 0) {
      fault.count -= 1;
      if (fault.count === 0) {
        this.faults.splice(this.faults.indexOf(fault), 1);
      }
    }
    return fault;
  }
}

// --- Bot API methods ---------------------------------------------------------------------

function sendMessage(emulator, token, params) {
  if (params.chat_id === undefined) {
    throw badRequest('chat_id is empty');
  }
  const raw = params.text === undefined ? '' : String(params.text);
  const visible = visibleText(raw, params.parse_mode, MAX_TEXT_LENGTH, 'message text is empty');
  const replyMarkup = checkedMarkup(params.reply_markup);
  return emulator.storeBotMessage(token, {
    chat_id: params.chat_id, text: raw, visible_text: visible, parse_mode: params.parse_mode,
    reply_markup: replyMarkup,
  });
}

function sendFile(kind) {
  return (emulator, token, params, req) => {
    // A file part is either named after the field or referenced from it as attach://<part>.
    const reference = String(params[kind] || '');
    const partName = reference.startsWith('attach://') ? reference.slice('attach://'.length) : kind;
    const upload = req.files && req.files[partName];
    let file;
    if (upload) {
      file = emulator.storeFile(upload);
    } else if (params[kind] && emulator.files.has(String(params[kind]))) {
      file = emulator.files.get(String(params[kind]));
    } else {
      throw badRequest(`there is no ${kind} in the request`);
    }
    const fields = {
      chat_id: params.chat_id, reply_markup: checkedMarkup(params.reply_markup),
    };
    if (params.caption !== undefined) {
      fields.caption = String(params.caption);
      fields.visible_caption = visibleText(fields.caption, params.parse_mode, MAX_CAPTION_LENGTH);
    }
    const meta = { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size };
    fields[kind] = kind === 'photo'
      ? [{ ...meta, width: 800, height: 600 }]
      : { ...meta, file_name: file.file_name, mime_type: file.mime_type };
    return emulator.storeBotMessage(token, fields);
  };
}

function editMessageText(emulator, token, params) {
  if (params.inline_message_id !== undefined) {
    return true;
  }
  const stored = emulator.storedBotMessage(params.chat_id, params.message_id);
  if (!stored) {
    throw badRequest('message to edit not found');
  }
  const raw = params.text === undefined ? '' : String(params.text);
  const visible = visibleText(raw, params.parse_mode, MAX_TEXT_LENGTH, 'message text is empty');
  const replyMarkup = checkedMarkup(params.reply_markup);
  const before = stored.message;
  if (before.text === raw && JSON.stringify(before.reply_markup) === JSON.stringify(replyMarkup)) {
    throw badRequest('message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
  }
  stored.message = { ...before, text: raw, visible_text: visible, parse_mode: params.parse_mode, reply_markup: replyMarkup };
  const key = `${params.chat_id}:${params.message_id}`;
  emulator.edits.set(key, (emulator.edits.get(key) || 0) + 1);
  return emulator.messageFromBot(stored);
}

function editMessageReplyMarkup(emulator, token, params) {
  if (params.inline_message_id !== undefined) {
    return true;
  }
  const stored = emulator.storedBotMessage(params.chat_id, params.message_id);
  if (!stored) {
    throw badRequest('message to edit not found');
  }
  stored.message = { ...stored.message, reply_markup: checkedMarkup(params.reply_markup) };
  const key = `${params.chat_id}:${params.message_id}`;
  emulator.edits.set(key, (emulator.edits.get(key) || 0) + 1);
  return emulator.messageFromBot(stored);
}

function deleteMessage(emulator, token, params) {
  const stored = emulator.storedBotMessage(params.chat_id, params.message_id);
  if (!stored) {
    throw badRequest('message to delete not found');
  }
  emulator.telegram.removeBotMessage(stored.updateId);
  return true;
}

function commandsKey(params) {
  const scope = parseJsonField(params.scope) || { type: 'default' };
  return `${JSON.stringify(scope)}|${params.language_code || ''}`;
}

function setMyCommands(emulator, token, params) {
  const commands = parseJsonField(params.commands);
  if (!Array.isArray(commands) || commands.length > 100) {
    throw badRequest('commands must be a list of at most 100 commands');
  }
  for (const command of commands) {
    if (!/^[a-z0-9_]{1,32}$/.test(command.command || '') || !command.description) {
      throw badRequest('BOT_COMMAND_INVALID');
    }
  }
  emulator.commands[token] = { ...emulator.commands[token], [commandsKey(params)]: commands };
  return true;
}

function deleteMyCommands(emulator, token, params) {
  if (emulator.commands[token]) {
    delete emulator.commands[token][commandsKey(params)];
  }
  return true;
}

function getMyCommands(emulator, token, params) {
  return (emulator.commands[token] || {})[commandsKey(params)] || [];
}

function getFile(emulator, token, params) {
  const file = emulator.files.get(String(params.file_id));
  if (!file) {
    throw badRequest('invalid file_id');
  }
  const { data, file_name: fileName, mime_type: mimeType, ...shaped } = file;
  return shaped;
}

// The ChatMember objects of the current Bot API, every required field present (aiogram refuses
// an answer that lacks one): ChatMemberOwner, ChatMemberAdministrator, ChatMemberMember,
// ChatMemberRestricted, ChatMemberLeft, ChatMemberBanned.
const ADMIN_RIGHTS = {
  can_be_edited: false, can_manage_chat: true, can_delete_messages: true,
  can_manage_video_chats: true, can_restrict_members: true, can_promote_members: false,
  can_change_info: true, can_invite_users: true, can_post_stories: false, can_edit_stories: false,
  can_delete_stories: false, can_send_welcome_messages: false,
};
const CHANNEL_ADMIN_RIGHTS = {
  can_post_messages: true, can_edit_messages: true, can_manage_direct_messages: false,
};
const GROUP_ADMIN_RIGHTS = { can_pin_messages: true, can_manage_topics: false, can_manage_tags: false };
const RESTRICTED_RIGHTS = {
  is_member: true, can_send_messages: false, can_send_audios: false, can_send_documents: false,
  can_send_photos: false, can_send_videos: false, can_send_video_notes: false,
  can_send_voice_notes: false, can_send_polls: false, can_send_other_messages: false,
  can_add_web_page_previews: false, can_react_to_messages: true, can_edit_tag: false,
  can_change_info: false, can_invite_users: false, can_pin_messages: false,
  can_manage_topics: false, until_date: 0,
};

function chatMember(emulator, chatId, userId) {
  // Everybody is a plain member unless a test said otherwise (POST /_control/chat_member).
  const set = emulator.members.get(`${Number(chatId)}:${Number(userId)}`) || { status: 'member' };
  const { status } = set;
  const member = { status, user: { id: Number(userId), is_bot: false, first_name: 'User' } };
  if (status === 'creator') {
    member.is_anonymous = Boolean(set.is_anonymous);
    if (set.custom_title) {
      member.custom_title = set.custom_title;
    }
  } else if (status === 'administrator') {
    const channel = emulator.chat(chatId).type === 'channel';
    Object.assign(member, ADMIN_RIGHTS, channel ? CHANNEL_ADMIN_RIGHTS : GROUP_ADMIN_RIGHTS);
    member.is_anonymous = Boolean(set.is_anonymous);
    if (set.custom_title) {
      member.custom_title = set.custom_title;
    }
  } else if (status === 'restricted') {
    Object.assign(member, RESTRICTED_RIGHTS);
  } else if (status === 'kicked') {
    member.until_date = 0;
  } else if (status !== 'member' && status !== 'left') {
    throw badRequest(`unknown chat member status ${status}`);
  }
  return member;
}

function getChatMember(emulator, token, params) {
  return chatMember(emulator, params.chat_id, params.user_id);
}

function getChatAdministrators(emulator, token, params) {
  const chatId = Number(params.chat_id);
  return [...emulator.members.entries()]
    .filter(([key, set]) => key.startsWith(`${chatId}:`) && ['creator', 'administrator'].includes(set.status))
    .map(([key]) => chatMember(emulator, chatId, key.split(':')[1]));
}

function getChat(emulator, token, params) {
  return { ...emulator.chat(params.chat_id), accent_color_id: 0, max_reaction_count: 11 };
}

const METHODS = {
  getMe: (emulator, token) => ({
    ...botUser(token), can_join_groups: true, can_read_all_group_messages: false,
    supports_inline_queries: true,
  }),
  getUpdates: (emulator, token, params, req) => emulator.getUpdates(token, params, req),
  sendMessage,
  sendDocument: sendFile('document'),
  sendPhoto: sendFile('photo'),
  editMessageText,
  editMessageReplyMarkup,
  deleteMessage,
  answerCallbackQuery: () => true,
  answerInlineQuery: () => true,
  sendChatAction: () => true,
  setMyCommands,
  deleteMyCommands,
  getMyCommands,
  setMyDescription: () => true,
  setMyShortDescription: () => true,
  setChatMenuButton: () => true,
  getFile,
  getChat,
  getChatMember,
  getChatAdministrators,
  deleteWebhook: () => true,
  getWebhookInfo: () => ({ url: '', has_custom_certificate: false, pending_update_count: 0 }),
  close: () => true,
  logOut: () => true,
};

// --- HTTP --------------------------------------------------------------------------------

function summarise(params, files) {
  const logged = { ...params };
  for (const [name, file] of Object.entries(files || {})) {
    logged[name] = { file_name: file.file_name, file_size: file.data.length };
  }
  return logged;
}

function botApiRoute(emulator) {
  return async (req, res) => {
    const { token, method } = req.params;
    const params = { ...req.query, ...(req.body || {}) };
    const entry = {
      seq: emulator.calls.length + 1, time: Date.now(), token, method, params: summarise(params, req.files),
    };
    emulator.calls.push(entry);
    let status = 200;
    let payload;
    let fault = null;
    try {
      fault = emulator.takeFault(token, method, params);
      if (fault && fault.delay_ms && !fault.after_handling) {
        await new Promise((resolve) => { setTimeout(resolve, fault.delay_ms); });
      }
      if (fault && fault.error_code) {
        entry.injected = true;
        const parameters = fault.retry_after !== undefined ? { retry_after: fault.retry_after } : undefined;
        throw new BotApiError(fault.error_code, fault.description || 'Injected fault', parameters);
      }
      const handler = METHODS[method];
      if (!handler) {
        throw new BotApiError(404, 'Not Found: method not found');
      }
      payload = { ok: true, result: await handler(emulator, token, params, req) };
    } catch (caught) {
      let error = caught;
      if (!(error instanceof BotApiError)) {
        process.stderr.write(`emulator: ${method} failed: ${error && error.stack}\n`);
        error = new BotApiError(500, `Internal Server Error: ${error && error.message}`);
      }
      status = error.code;
      payload = { ok: false, error_code: error.code, description: error.message };
      if (error.parameters) {
        payload.parameters = error.parameters;
      }
    }
    Object.assign(entry, {
      status,
      ok: payload.ok,
      error_code: payload.error_code,
      description: payload.description,
      result: method === 'getUpdates' ? { updates: (payload.result || []).length } : payload.result,
    });
    if (fault && fault.after_handling && payload.ok) {
      // The request was handled (the user has the message); only its answer goes astray.
      entry.injected = true;
      entry.after_handling = fault.after_handling;
      if (fault.after_handling === 'drop') {
        req.socket.destroy();
        return;
      }
      await new Promise((resolve) => { setTimeout(resolve, fault.delay_ms || 0); });
    }
    res.status(status).json(payload);
  };
}

function controlRoutes(emulator) {
  const router = express.Router();
  const wrap = (handler) => async (req, res) => {
    try {
      res.json({ ok: true, result: await handler(req) });
    } catch (error) {
      res.status(error.code || 500).json({ ok: false, description: error.message });
    }
  };
  router.post('/updates/message', wrap((req) => emulator.addUserMessage(req.body)));
  router.post('/updates/callback', wrap((req) => emulator.addUserCallback(req.body)));
  router.post('/updates/inline_query', wrap((req) => emulator.addUserInlineQuery(req.body)));
  router.post('/updates/channel_post', wrap((req) => emulator.addChannelPost(req.body)));
  router.get('/messages', wrap((req) => emulator.telegram.storage.botMessages
    .filter((stored) => stored.botToken === req.query.token
      && String(stored.message.chat_id) === String(req.query.chat_id)
      && stored.messageId > Number(req.query.after || 0))
    .map((stored) => ({ ...emulator.messageFromBot(stored), html: stored.message.text,
      edits: emulator.edits.get(`${stored.message.chat_id}:${stored.messageId}`) || 0 }))));
  router.get('/calls', wrap((req) => emulator.calls.filter((call) => (
    call.seq > Number(req.query.after || 0)
    && (!req.query.token || call.token === req.query.token)
    && (!req.query.method || call.method === req.query.method)))));
  router.get('/commands', wrap((req) => emulator.commands[req.query.token] || {}));
  router.post('/faults', wrap((req) => {
    const fault = { count: 1, ...req.body };
    emulator.faults.push(fault);
    return fault;
  }));
  router.delete('/faults', wrap((req) => {
    emulator.faults = emulator.faults.filter((fault) => req.query.token && fault.token !== req.query.token);
    return true;
  }));
  router.post('/chat_member', wrap((req) => {
    const { status, is_anonymous: isAnonymous, custom_title: customTitle } = req.body;
    emulator.members.set(`${Number(req.body.chat_id)}:${Number(req.body.user_id)}`,
      { status, is_anonymous: isAnonymous, custom_title: customTitle });
    return true;
  }));
  router.get('/files/:fileId', (req, res) => {
    const file = emulator.files.get(req.params.fileId);
    if (!file) {
      res.status(404).json({ ok: false, description: 'no such file' });
      return;
    }
    res.type(file.mime_type || 'application/octet-stream').send(file.data);
  });
  return router;
}

function makeApp(emulator) {
  const app = express();
  app.use(express.json({ limit: BODY_LIMIT }));
  app.use(express.urlencoded({ extended: true, limit: BODY_LIMIT }));
  app.use(parseMultipart);
  app.use('/_control', controlRoutes(emulator));
  app.get('/file/bot:token/*', (req, res) => {
    // A fault for the pseudo-method "file" fails the next download with its error code.
    const fault = emulator.takeFault(req.params.token, 'file', {});
    if (fault && fault.error_code) {
      res.status(fault.error_code).json({ ok: false, error_code: fault.error_code, description: fault.description || 'Injected fault' });
      return;
    }
    const file = [...emulator.files.values()].find((candidate) => candidate.file_path === req.params[0]);
    if (!file) {
      res.status(404).json({ ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    res.type(file.mime_type || 'application/octet-stream').send(file.data);
  });
  app.all('/bot:token/:method', botApiRoute(emulator));
  // The emulator's own client routes (/sendMessage, /sendCommand, /getUpdatesHistory...).
  app.use(emulator.telegram.webServer);
  return app;
}

function main() {
  const emulator = new Emulator();
  const server = http.createServer(makeApp(emulator));
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const stop = () => {
    emulator.stopping = true;
    emulator.wake();
    server.close(() => process.exit(0));
    setTimeout(() => {
      for (const socket of sockets) {
        socket.destroy();
      }
    }, 200).unref();
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    process.stdout.write(`EMULATOR READY http://127.0.0.1:${port}\n`);
  });
}

main();
