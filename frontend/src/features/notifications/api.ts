import { http } from '@/api/http'
import { formatDateTime } from '@/app/dates'

/** A message (站内消息) of the current user, see docs/notifications.md. */
export interface Notification {
  id: string
  kind: string
  title: string
  body: string
  link: string | null
  createdAt: string
  read: boolean
  readAt: string | null
}

export interface NotificationPage {
  items: Notification[]
  total: number
  unread: number
  page: number
  size: number
}

export const notificationsApi = {
  list: (unreadOnly = false, page = 0, size = 20) =>
    http.get<NotificationPage>('/api/notifications', { query: { unreadOnly, page, size } }),
  unreadCount: () => http.get<{ unread: number }>('/api/notifications/unread-count', { silent: true }),
  markRead: (id: string) => http.post<Notification>(`/api/notifications/${encodeURIComponent(id)}/read`, {}),
  markAllRead: () => http.post<{ marked: number }>('/api/notifications/read-all', {}),
}

/** "2026-11-30T08:05:00Z" → "2026-11-30 16:05", in China's time zone whatever the browser's. */
export function formatTime(instant: string): string {
  return formatDateTime(instant) ?? instant
}
